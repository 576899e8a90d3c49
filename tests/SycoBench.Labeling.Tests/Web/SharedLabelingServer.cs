namespace SycoBench.Labeling.Tests.Web;

/// <summary>
/// One server for the tests of a class whose requests the server refuses, so they store nothing: starting the app
/// (its endpoints, routing and middleware are built on the first request) costs more processor time than such a
/// test's requests. Each test signs in its own reviewer; the items are pushed once, enough for every reviewer of the
/// class to hold one. The tests on it check that nothing is stored, so none may store anything. The sign-in limit
/// (10 attempts a minute from one address, a wrong admin token included) bounds how many tests can share it.
/// </summary>
public sealed class SharedLabelingServer : IAsyncLifetime
{
    internal LabelingServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LabelingServer.StartAsync();
        Server.Store.Items.Push("scenario", Seeds.Many(8));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
