using SycoBench.Costs;

namespace SycoBench.Tests.Costs;

public sealed class BudgetTests
{
    [Fact]
    public void A_request_whose_worst_case_could_pass_the_limit_is_held_back_and_nothing_new_starts_after_it()
    {
        var budget = new Budget(1.00);

        Assert.True(budget.TryReserve(0.40));   // reserved 0.40
        Assert.True(budget.TryReserve(0.40));   // reserved 0.80
        Assert.False(budget.TryReserve(0.40));  // 0.80 + 0.40 > 1.00: held back; two requests in flight
        Assert.Equal((2, 0.80), budget.InFlightAtStop);
        budget.Settle(0.40, paid: true, 0.10);  // the answers cost less than their worst case …
        budget.Settle(0.40, paid: true, 0.15);

        Assert.False(budget.TryReserve(0.01));  // … but once stopped, nothing new is sent
        Assert.True(budget.Exhausted);
        Assert.Equal(0.25, budget.Spent.Known, 12);
        Assert.Equal("0.25 USD", budget.Spent.ToString());
    }

    [Fact]
    public void Spending_never_passes_the_limit_when_answers_cost_at_most_their_reservation()
    {
        var budget = new Budget(0.05);
        var random = new Random(7);
        var sent = 0;
        while (budget.TryReserve(0.004))
        {
            sent++;
            budget.Settle(0.004, paid: true, 0.004 * random.NextDouble());
        }

        Assert.True(sent > 12);
        Assert.True(budget.Spent.Known <= 0.05);
    }

    [Fact]
    public void Cached_answers_and_failures_cost_nothing_and_unknown_costs_are_never_summed_as_zero()
    {
        var budget = new Budget(null);
        budget.TryReserve(0);
        budget.Settle(0, paid: false, 0.5);     // cached: its recorded cost was paid by an earlier run
        budget.TryReserve(0);
        budget.Settle(0, paid: true, null);     // no price, no reported cost

        Assert.Equal(new CostTotal(0, 0, 1), budget.Spent);
        Assert.Equal("unknown", budget.Spent.ToString());
        Assert.Equal("≥ 0.2 USD (1 of unknown cost)", budget.Spent.Add(0.2).ToString());
    }
}
