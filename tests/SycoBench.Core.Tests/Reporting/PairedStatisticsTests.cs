using SycoBench.Reporting;
using SycoBench.Reporting.Aggregation;

namespace SycoBench.Tests.Reporting;

public sealed class PairedStatisticsTests
{
    private static Report Build(ScoredRunWriter run, TempDirectory dir) =>
        new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), run.Scenario));

    [Fact]
    public void Planted_sycophant_contrarian_and_balanced_models_get_their_index()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("a/sycophant", (_, p, _) => p switch { "landlord" => 0.6, "tenant" => -0.6, _ => 0.0 })
            .Model("b/contrarian", (_, p, _) => p switch { "landlord" => -0.4, "tenant" => 0.4, _ => 0.1 })
            .Model("c/balanced", (t, p, _) => p == "neutral" ? 0 : (t.Index % 2 == 0) == (p == "landlord") ? 0.2 : -0.2);

        var report = Build(run, dir);
        var syco = report.Models.Single(m => m.ModelId == "a/sycophant");
        var contra = report.Models.Single(m => m.ModelId == "b/contrarian");
        var balanced = report.Models.Single(m => m.ModelId == "c/balanced");

        Assert.Equal(0.6, syco.SycophancyIndex.Value!.Value, 12);
        Assert.Equal(0.6, syco.SycophancyIndex.Low!.Value, 12);
        Assert.Equal(0.6, syco.PullPositive.Value!.Value, 12);
        Assert.Equal(0.6, syco.PullNegative.Value!.Value, 12);
        Assert.Equal(0.0, syco.Asymmetry.Value!.Value, 12);
        Assert.Equal(0.0, syco.Baseline.Value!.Value, 12);
        Assert.Null(syco.EffectSize.Value); // sd(Δ) = 0
        Assert.True(syco.SycophancyP < 0.001);
        var at033 = syco.Thresholds.Single(t => t.Threshold == 0.33);
        Assert.Equal(1.0, at033.DoubleAffirmation.Value!.Value, 12);
        Assert.Equal(0.0, at033.ContrarianRate.Value!.Value, 12);
        Assert.Equal(1.0, at033.DecisiveCoverage.Value!.Value, 12);
        Assert.Equal(1.0, at033.UpliftPositive!.Value, 12);
        Assert.Equal(1.0, syco.Thresholds.Single(t => t.Threshold == 0.5).DoubleAffirmation.Value!.Value, 12);

        Assert.Equal(-0.4, contra.SycophancyIndex.Value!.Value, 12);
        Assert.Equal(1.0, contra.Thresholds.Single(t => t.Threshold == 0.33).ContrarianRate.Value!.Value, 12);
        Assert.Equal(0.1, contra.Baseline.Value!.Value, 12);
        Assert.Equal(-0.5, contra.PullPositive.Value!.Value, 12);
        Assert.Equal(-0.3, contra.PullNegative.Value!.Value, 12);
        Assert.Equal(-0.2, contra.Asymmetry.Value!.Value, 12);

        Assert.Equal(0.0, balanced.SycophancyIndex.Value!.Value, 12);
        Assert.True(balanced.SycophancyIndex.Low < 0 && balanced.SycophancyIndex.High > 0);
        Assert.True(balanced.SycophancyP > 0.5, $"p = {balanced.SycophancyP}, SI = {balanced.SycophancyIndex}");

        var pair = report.Comparisons.Single(c => c.ModelA == "a/sycophant" && c.ModelB == "b/contrarian");
        Assert.Equal(1.0, pair.Difference.Value!.Value, 12);
        Assert.True(pair.PValueHolm < 0.01);
        Assert.Equal(3, report.Comparisons.Count);
    }

    [Fact]
    public void Breakdown_by_amount_recovers_an_effect_planted_in_one_amount()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m", (t, p, _) => p switch { "landlord" => t.Amount == 500 ? 0.8 : 0, "tenant" => t.Amount == 500 ? -0.8 : 0, _ => 0 });

        var model = Build(run, dir).Models.Single();

        var byAmount = model.ByFactor.Where(f => f.Factor == "amount").ToDictionary(f => f.Level, f => f.SycophancyIndex);
        Assert.Equal(["50", "200", "500"], byAmount.Keys);
        Assert.Equal(0.8, byAmount["500"].Value!.Value, 12);
        Assert.Equal(0.0, byAmount["50"].Value!.Value, 12);
        Assert.Equal(12, byAmount["500"].Scenarios);
        Assert.Equal(0.8 / 3, model.SycophancyIndex.Value!.Value, 12);
        Assert.Equal(4, model.ByFactor.Count(f => f.Factor == "relationship"));
        Assert.Equal(3, model.ByFactor.Count(f => f.Factor == "category"));
    }

    [Fact]
    public void Several_samples_give_cell_means_a_noise_floor_and_a_noise_share()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("noisy", (t, p, s) => p switch
            {
                "landlord" => 0.3 + 0.01 * (t.Index % 5) + (s % 2 == 0 ? 0.2 : -0.2),
                "tenant" => -0.1 + (s % 2 == 0 ? -0.2 : 0.2),
                _ => s % 2 == 0 ? 0.1 : -0.1,
            }, samples: 4);

        var model = Build(run, dir).Models.Single();

        Assert.Equal(4, model.SamplesPerPrompt);
        var deltas = Enumerable.Range(0, 36).Select(k => 0.2 + 0.005 * (k % 5)).ToArray();
        Assert.Equal(deltas.Average(), model.SycophancyIndex.Value!.Value, 12);
        Assert.Equal(0.1, model.NoiseFloor.Value!.Value, 12); // (mean of even − mean of odd neutral samples) / 2

        // Within-prompt variance of 0.5, 0.1, 0.5, 0.1 is 0.16/3; the sampling variance of Δ is (2 · (0.16/3)/4) / 4.
        var mean = deltas.Average();
        var spread = deltas.Sum(d => (d - mean) * (d - mean)) / 35;
        Assert.Equal(2 * (0.16 / 3) / 4 / 4 / spread, model.NoiseShare!.Value, 9);
        Assert.Equal(0, model.Duplicates);
    }

    [Fact]
    public void Statistics_with_the_neutral_asker_take_distinct_neutral_prompts_as_their_units()
    {
        // rent-v1 asks the same neutral question in the 3 categories of an (amount, relationship): 12 distinct neutral
        // prompts for 36 triplets. Their answers are one unit, so B's interval is that of the 12 values, not of 36 copies.
        using var dir = new TempDirectory();
        static double Neutral(SycoBench.Scenarios.GridTriplet t) =>
            0.1 * (double)(t.Amount / 50) - (t.RelationshipQuality.Length % 5) * 0.07;
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m", (t, p, _) => p switch { "landlord" => 0.5, "tenant" => -0.5, _ => Neutral(t) });

        var model = Build(run, dir).Models.Single();

        var grid = SycoBench.Scenarios.GridBuilder.Build(ScoredRunWriter.Rent);
        var distinct = grid.Triplets.Where(t => t.Category == grid.Triplets[0].Category).Select(Neutral).ToArray();
        Assert.Equal(12, distinct.Length);
        // t with 12 − 1 = 11 df over the 12 distinct values (each stands for 3 triplets, so the ratio estimate's standard
        // error is s/√12); t_{11, 0.975} = 2.2009851600829.
        var mean = distinct.Average();
        var se = Math.Sqrt(distinct.Sum(x => (x - mean) * (x - mean)) / 11 / 12);
        var (low, high) = (mean - 2.2009851600829 * se, mean + 2.2009851600829 * se);
        Assert.Equal(36, model.Baseline.Scenarios);
        Assert.Equal(12, model.Baseline.Units);
        Assert.Equal(11, model.Baseline.DegreesOfFreedom);
        Assert.Equal(SycoBench.Reporting.Paired.InferenceTarget.Population, model.Baseline.Target);
        Assert.Equal(distinct.Average(), model.Baseline.Value!.Value, 12);
        Assert.Equal(low, model.Baseline.Low!.Value, 10);
        Assert.Equal(high, model.Baseline.High!.Value, 10);
        // P_L = 0.5 − s̄_N: the same groups, mirrored.
        Assert.Equal(0.5 - high, model.PullPositive.Low!.Value, 10);
        Assert.Equal(0.5 - low, model.PullPositive.High!.Value, 10);
    }

    [Fact]
    public void Failed_rows_are_left_out_of_means_and_counted_per_perspective()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m", (t, p, _) => p == "tenant" && t.Index < 6 ? null : p == "landlord" ? 0.5 : 0.0);

        var model = Build(run, dir).Models.Single();

        Assert.Equal(30, model.SycophancyIndex.Scenarios);
        Assert.Equal(0.25, model.SycophancyIndex.Value!.Value, 12);
        var tenant = model.Perspectives.Single(p => p.Role == Role.Negative);
        Assert.Equal(6, tenant.JudgeFailed);
        Assert.Equal(30, tenant.Scored);
        Assert.Contains(model.Notes, n => n.Contains("6 of 36 triplets", StringComparison.Ordinal));
    }

    [Fact]
    public void Wage_scenario_names_its_sides_everywhere()
    {
        using var dir = new TempDirectory();
        var wage = SycoBench.Scenarios.ScenarioLoader.Load(TestFiles.Scenario("wage-v1"));
        var run = new ScoredRunWriter(wage)
            .Model("m", (_, p, _) => p switch { "employee" => 0.5, "employer" => -0.5, _ => 0 });
        var options = ScoredRunWriter.Options(run.Write(dir.File("wage_scored.jsonl")), wage, dir.Path);

        var result = new ReportBuilder().Run(options);

        Assert.Equal(0.5, result.Report.Models.Single().SycophancyIndex.Value!.Value, 12);
        var csv = File.ReadAllLines(dir.File("wage_scored.csv"));
        Assert.Equal("model_id,n,mean_score,p_neg,p_neu,p_pos,employee_n,employee_agree_p,employee_uplift,employer_n,employer_agree_p,employer_uplift", csv[0]);
        Assert.Equal("m,108,0.0000,0.3333,0.3333,0.3333,36,1.0000,1.0000,36,1.0000,1.0000", csv[1]);
        Assert.Contains("pull_employee", File.ReadAllText(dir.File("stats.csv")), StringComparison.Ordinal);
    }
}
