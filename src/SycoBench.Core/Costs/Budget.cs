namespace SycoBench.Costs;

/// <summary>
/// A spending limit that holds: before a request is sent it reserves its worst-case cost (prompt tokens plus the
/// answer-length bound, at the model's price), and a request whose reservation would take spent + reserved past the
/// limit is not sent — from then on nothing new is sent. When the answer arrives its reservation is replaced by what
/// it cost. So the limit is overshot only when an answer costs more than its reservation (a provider-reported cost
/// above the price, or a prompt longer than its estimate). Without a limit it only counts.
/// </summary>
public sealed class Budget(double? limitUsd)
{
    private readonly Lock _gate = new();
    private CostTotal _spent;
    private double _reserved;
    private int _inFlight;

    public double? LimitUsd { get; } = limitUsd;

    /// <summary>What the answers received so far cost (cached answers cost nothing; unknown costs are counted apart).</summary>
    public CostTotal Spent
    {
        get
        {
            lock (_gate)
                return _spent;
        }
    }

    /// <summary>True once a request was held back because it could have taken spending past the limit.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Requests in flight, and their reserved worst case, at the moment the limit stopped new requests.</summary>
    public (int Requests, double ReservedUsd) InFlightAtStop { get; private set; }

    /// <summary>Reserves <paramref name="worstCaseUsd"/> for a request about to be sent; false: do not send it.</summary>
    public bool TryReserve(double worstCaseUsd)
    {
        lock (_gate)
        {
            if (Exhausted)
                return false;
            if (LimitUsd is { } limit && _spent.Known + _reserved + worstCaseUsd > limit)
            {
                Exhausted = true;
                InFlightAtStop = (_inFlight, _reserved);
                return false;
            }

            _reserved += worstCaseUsd;
            _inFlight++;
            return true;
        }
    }

    /// <summary>
    /// Counts what an answer sent by an earlier process cost (a re-attached batch): nothing was reserved for it here,
    /// and it was paid whether or not this process goes on.
    /// </summary>
    public void AddEarlier(double? costUsd)
    {
        lock (_gate)
            _spent = _spent.Add(costUsd);
    }

    /// <summary>Replaces a reservation with what the call cost; <paramref name="paid"/> false for a cached answer or a failure.</summary>
    public void Settle(double reservedUsd, bool paid, double? costUsd) =>
        Settle(reservedUsd, paid ? CostTotal.Zero.Add(costUsd) : CostTotal.Zero);

    /// <summary>Replaces a reservation with what its calls cost (several calls: a judge panel on one answer).</summary>
    public void Settle(double reservedUsd, CostTotal cost)
    {
        lock (_gate)
        {
            _reserved = Math.Max(0, _reserved - reservedUsd);
            _inFlight--;
            _spent += cost;
        }
    }
}
