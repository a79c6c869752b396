package io.safla.ui.demo;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import io.safla.cognition.AdaptiveRetrieval;
import io.safla.cognition.CycleRecord;
import io.safla.cognition.SelfAwareness;
import io.safla.demo.service.DemoService;
import io.safla.demo.service.LoopSandbox;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.VisitorActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feedback loop on the visitor's sandbox: load the labelled retrieval set, measure the untrained default on
 * held-out queries, run feedback cycles, propose a change for the safety gate to judge, and chart delta and quality
 * per cycle. The same experiment as scripts/learning-curve.sh, one cycle at a time.
 */
class SelfImprovingLoop extends Scenario {

    static final int DEFAULT_CYCLES = 6;
    static final int BATCH = LoopSandbox.BATCH;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoService demo;
    final IntegerField cycles = new IntegerField("Feedback cycles");
    final NumberField proposedWeight = new NumberField("Lexical weight to propose");
    private @Nullable LoopSandbox sandbox;

    SelfImprovingLoop(DemoService demo, VisitorActions actions) {
        super(
                "loop",
                "The loop learns which retrieval strategy suits which kind of query from relevance feedback,"
                        + " judges every change by its delta on the queries judged so far, and rolls back what makes them"
                        + " worse. It runs on a labelled set of 181 memories in your private sandbox; the held-out"
                        + " queries it is measured on are never shown to it.",
                actions);
        this.demo = demo;
        build();
    }

    @Override
    Component inputs() {
        cycles.setId("loop-cycles");
        cycles.setMin(1);
        cycles.setMax(12);
        cycles.setValue(DEFAULT_CYCLES);
        cycles.setStepButtonsVisible(true);
        cycles.setHelperText("1 – 12, " + BATCH + " judged queries each");
        proposedWeight.setId("loop-proposed-weight");
        proposedWeight.setMin(0);
        proposedWeight.setMax(1);
        proposedWeight.setStep(0.05);
        proposedWeight.setValue(0.05);
        proposedWeight.setHelperText("0 – 1; 0.05 makes the hybrid almost pure cosine");
        FormLayout form = new FormLayout(cycles, proposedWeight);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        return form;
    }

    @Override
    void reset() {
        sandbox = null;
    }

    /** The step count must not fail while planning, so invalid input falls back here and fails in step 1. */
    private int plannedCycles() {
        Integer n = cycles.getValue();
        return n == null || n < 1 || n > 12 ? DEFAULT_CYCLES : n;
    }

    @Override
    List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                "Load a labelled set into a private memory",
                "Memories of kinds where the embedding alone struggles (hostnames, error codes, tickets, versions,"
                        + " 'latest' updates, decisions) and plain facts, with queries whose right answers are known.",
                this::load));
        steps.add(new Step(
                "Measure the untrained default",
                "Untrained, every query is answered by cosine similarity, as the plain search does. Quality is"
                        + " nDCG@10 on the held-out queries: 1.0 means the right memory is always first.",
                () -> {
                    double ndcg = sandbox().baseline();
                    return summary(String.format(Locale.ROOT, "Held-out nDCG@10 %.3f, all by cosine.", ndcg));
                }));
        for (int i = 1; i <= plannedCycles(); i++) {
            int cycle = i;
            steps.add(new Step(
                    "Feedback cycle " + i,
                    "Observe, checkpoint, let the bandit choose a strategy per query and learn from the simulated"
                            + " visitor's judgement, evaluate the delta, pass the safety gate, keep or roll back.",
                    () -> feedbackCycle(cycle)));
        }
        steps.add(new Step(
                "Propose a change",
                "A change proposed from outside (here: a new lexical weight for the hybrid) goes through the same"
                        + " gate. A weight near 0 makes identifier queries worse, so the gate should roll it back.",
                this::propose));
        steps.add(new Step(
                "Chart the loop and its self-awareness",
                "Quality on the held-out queries and the total delta per cycle; red bars were rolled back. Below:"
                        + " goals, confidence and what each strategy earned.",
                this::chart));
        return steps;
    }

    private Component load() {
        Integer n = cycles.getValue();
        if (n == null || n < 1 || n > 12) {
            throw new IllegalArgumentException("feedback cycles must be between 1 and 12");
        }
        Double w = proposedWeight.getValue();
        if (w == null || w < 0 || w > 1) {
            throw new IllegalArgumentException("the lexical weight must be between 0 and 1");
        }
        sandbox = demo.newLoop();
        LoopSandbox.Loaded loaded = sandbox.loaded();
        return summary(loaded.memories() + " memories embedded with " + loaded.embedder() + "; "
                + loaded.feedbackQueries() + " feedback queries to learn from, "
                + loaded.heldOutQueries() + " held-out queries to measure on.");
    }

    private Component feedbackCycle(int cycle) {
        LoopSandbox.Cycle done = sandbox().runCycle(cycle);
        return describe(done, "Strategies tried: " + done.strategiesTried() + ".");
    }

    private Component propose() {
        LoopSandbox l = sandbox();
        double weight = proposedWeight.getValue() == null ? 0.05 : proposedWeight.getValue();
        LoopSandbox.Cycle done = l.propose(weight);
        return describe(done, "Proposed: " + done.record().adaptation() + ".");
    }

    private Component describe(LoopSandbox.Cycle done, String what) {
        CycleRecord record = done.record();
        String outcome = record.outcome() == CycleRecord.Outcome.KEPT
                ? "Kept (checkpoint " + record.checkpointId() + ")"
                : "Rolled back to checkpoint " + record.checkpointId() + ": " + String.join("; ", record.violations());
        Span result = summary(String.format(
                Locale.ROOT,
                "%s %s. Judged-query quality %.3f \u2192 %.3f; delta %+.3f"
                        + " (performance %+.2f, efficiency %+.2f, stability %+.2f, capability %+.2f); lexical weight %.2f,"
                        + " threshold %.2f. Held-out nDCG@10 now %.3f.",
                what,
                outcome,
                record.before().quality(),
                record.after().quality(),
                record.delta().total(),
                record.delta().performance(),
                record.delta().efficiency(),
                record.delta().stability(),
                record.delta().capability(),
                done.hybridWeight(),
                done.threshold(),
                done.heldOutNdcg()));
        result.getElement().setAttribute("data-outcome", record.outcome().name());
        return result;
    }

    private Component chart() {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").putArray("data").add("held-out nDCG@10").add("total delta");
        ArrayNode labels = option.putObject("xAxis").put("type", "category").putArray("data");
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject()
                .put("type", "value")
                .put("name", "nDCG@10")
                .put("min", 0)
                .put("max", 1);
        axes.addObject()
                .put("type", "value")
                .put("name", "delta")
                .put("min", -1)
                .put("max", 1);
        ArrayNode series = option.putArray("series");
        ArrayNode quality = series.addObject()
                .put("name", "held-out nDCG@10")
                .put("type", "line")
                .putArray("data");
        ArrayNode delta = series.addObject()
                .put("name", "total delta")
                .put("type", "bar")
                .put("yAxisIndex", 1)
                .putArray("data");
        LoopSandbox l = sandbox();
        for (LoopSandbox.Point p : l.points()) {
            labels.add(p.label());
            quality.add(Math.round(p.heldOutNdcg() * 1000) / 1000.0);
            ObjectNode bar = delta.addObject().put("value", Math.round(p.totalDelta() * 1000) / 1000.0);
            bar.putObject("itemStyle").put("color", "ROLLED_BACK".equals(p.outcome()) ? "#DC2626" : "#3B82F6");
        }
        EChart echart = new EChart();
        echart.setId("loop-chart");
        echart.setHeight("320px");
        echart.setOption(option);

        SelfAwareness state = l.selfAwareness();
        Grid<SelfAwareness.Goal> goals = new Grid<>();
        goals.addColumn(SelfAwareness.Goal::name).setHeader("Goal");
        goals.addColumn(g -> String.format(Locale.ROOT, "%.2f of %.2f", g.current(), g.target()))
                .setHeader("Now")
                .setAutoWidth(true)
                .setFlexGrow(0);
        goals.addColumn(g -> String.format(Locale.ROOT, "%.0f %%", 100 * g.progress()))
                .setHeader("Progress")
                .setKey("progress")
                .setAutoWidth(true)
                .setFlexGrow(0);
        goals.setItems(state.goals());
        Grid<AdaptiveRetrieval.StrategyStats> strategies = new Grid<>();
        strategies.addColumn(AdaptiveRetrieval.StrategyStats::strategy).setHeader("Strategy");
        strategies
                .addColumn(AdaptiveRetrieval.StrategyStats::pulls)
                .setHeader("Tried")
                .setKey("pulls");
        strategies
                .addColumn(s -> String.format(Locale.ROOT, "%.3f", s.meanReward()))
                .setHeader("Mean reward");
        strategies.setItems(state.strategies());
        for (Grid<?> g : List.of(goals, strategies)) {
            g.setAllRowsVisible(true);
            g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        }
        Span text = summary(String.format(
                Locale.ROOT,
                "%d cycles, %d rolled back; confidence %.2f; delta trend %+.3f" + " per cycle.",
                state.cycles(),
                state.rollbacks(),
                state.confidence(),
                state.deltaTrend()));
        return new Div(text, echart, goals, strategies);
    }

    private LoopSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("restart the scenario");
        }
        return sandbox;
    }

    private static Span summary(String text) {
        Span span = new Span(text);
        span.addClassName("scenario-summary");
        return span;
    }
}
