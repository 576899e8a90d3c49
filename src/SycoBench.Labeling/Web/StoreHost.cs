using Microsoft.Extensions.Hosting;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Web;

/// <summary>
/// Opens the label store once the server is listening, not before: a server that cannot bind its port (already in
/// use) stops without having created or migrated a database. Requests that arrive in the moment between binding and
/// opening wait for it.
/// </summary>
internal sealed class StoreHost(Func<LabelStore> open) : IHostedLifecycleService, IDisposable
{
    private readonly TaskCompletionSource<LabelStore> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The store; only asked for by requests, which <see cref="WaitAsync"/> holds until it is open.</summary>
    public LabelStore Store => _opened.Task.IsCompletedSuccessfully
        ? _opened.Task.Result
        : throw new InvalidOperationException("the label store is not open yet");

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            _opened.TrySetResult(open());
        }
        catch (Exception ex)
        {
            _opened.TrySetException(ex);
            throw;
        }

        return Task.CompletedTask;
    }

    /// <summary>Middleware: holds a request until the store is open (it fails with the store's error if opening failed).</summary>
    public async Task WaitAsync(HttpContext context, Func<Task> next)
    {
        await _opened.Task.WaitAsync(context.RequestAborted);
        await next();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _opened.TrySetCanceled();
        if (_opened.Task.IsCompletedSuccessfully)
            _opened.Task.Result.Dispose();
    }
}
