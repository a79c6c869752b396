package io.safla.ui.demo;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import io.safla.demo.service.ConsolidationSandbox;
import io.safla.demo.service.DemoService;
import io.safla.memory.consolidation.ConsolidationReport;
import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.Relation;
import io.safla.memory.working.AttendedItem;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.VisitorActions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Working memory becomes episodes, episodes become concepts, and the knowledge graph grows; a rerun changes nothing. */
class ConsolidationScenario extends Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoService demo;
    final TextArea working = new TextArea("Working memory: what the agent is attending to (one per line)");
    final NumberField attention = new NumberField("Attention of these items");
    private @Nullable ConsolidationSandbox sandbox;

    ConsolidationScenario(DemoService demo, VisitorActions actions) {
        super(
                "consolidation",
                "SAFLA keeps a small active context (working memory), a diary of experiences"
                        + " (episodic) and a knowledge graph (semantic). Consolidation promotes what got attention into"
                        + " episodes and clusters related episodes into concepts, by embedding similarity. It is"
                        + " deterministic and idempotent: running it twice changes nothing the second time.",
                actions);
        this.demo = demo;
        build();
    }

    @Override
    Component inputs() {
        working.setValue(String.join("\n", ConsolidationSandbox.exampleWorkingItems()));
        working.setWidthFull();
        working.setMaxLength(8000);
        working.setId("consolidation-working");
        attention.setValue(0.8);
        attention.setMin(0);
        attention.setMax(1);
        attention.setStep(0.1);
        attention.setHelperText("0 – 1; items above 0.5 are promoted to episodes");
        FormLayout form = new FormLayout(working, attention);
        form.setColspan(working, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        return form;
    }

    @Override
    void reset() {
        sandbox = null;
    }

    @Override
    List<Step> plan() {
        return List.of(
                new Step(
                        "Fill the working memory",
                        "Each item has an attention weight that halves every 30 minutes since it was last used.",
                        () -> {
                            double a = attention.getValue() == null ? -1 : attention.getValue();
                            List<String> lines = Arrays.stream(
                                            working.getValue().split("\\R"))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList();
                            sandbox = demo.newConsolidation();
                            return context(sandbox.fill(lines, a));
                        }),
                new Step(
                        "Load earlier experiences and knowledge",
                        "The curated corpus provides past episodes and a starting knowledge graph.",
                        () -> {
                            ConsolidationSandbox.Loaded loaded = sandbox().load();
                            ConsolidationSandbox.Graph graph = loaded.graph();
                            return graphView(
                                    graph,
                                    loaded.episodes() + " episodes; the graph has "
                                            + graph.nodes().size() + " concepts and "
                                            + graph.relations().size()
                                            + " relations.");
                        }),
                new Step(
                        "Consolidate",
                        "Attended items become episodes; important episodes are clustered, and each cluster creates or"
                                + " strengthens a concept, linked to similar ones. New concepts are highlighted.",
                        () -> {
                            ConsolidationSandbox.Consolidated done = sandbox().consolidate();
                            ConsolidationReport report = done.report();
                            return graphView(
                                    done.graph(),
                                    String.format(
                                            Locale.ROOT,
                                            "Promoted %d working items to"
                                                    + " episodes; %d concepts created, %d strengthened; %d relations added. The graph"
                                                    + " now has %d concepts and %d relations.",
                                            report.promotedWorkingIds().size(),
                                            done.created(),
                                            done.strengthened(),
                                            report.relations().size(),
                                            done.graph().nodes().size(),
                                            done.graph().relations().size()));
                        }),
                new Step(
                        "Consolidate again",
                        "Nothing new got attention, so nothing changes: consolidation is idempotent.",
                        () -> {
                            ConsolidationReport again = sandbox().consolidate().report();
                            Span result = new Span(
                                    again.totalChanges() == 0
                                            ? "0 changes: the second run left every memory as it was."
                                            : again.totalChanges() + " changes on the second run.");
                            result.setId("consolidation-again");
                            return result;
                        }));
    }

    private ConsolidationSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("restart the scenario");
        }
        return sandbox;
    }

    private static Component context(List<AttendedItem> items) {
        Grid<AttendedItem> grid = new Grid<>();
        grid.setAriaLabel("Working memory items with their attention");
        grid.addColumn(i -> String.format(Locale.ROOT, "%.2f", i.attention()))
                .setHeader("Attention")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(i -> i.item().text()).setHeader("Item");
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return new Div(new Span(items.size() + " items in the active context."), grid);
    }

    static Component graphView(ConsolidationSandbox.Graph graph, String summary) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip");
        ObjectNode series = option.putArray("series")
                .addObject()
                .put("type", "graph")
                .put("layout", "force")
                .put("roam", true)
                .put("draggable", true);
        series.putObject("force").put("repulsion", 80).put("edgeLength", 60);
        series.putObject("label").put("show", true).put("fontSize", 9).put("position", "right");
        ArrayNode nodes = series.putArray("data");
        Set<String> ids = new HashSet<>();
        for (ConsolidationSandbox.Node n : graph.nodes()) {
            Concept c = n.concept();
            ids.add(c.id());
            ObjectNode node = nodes.addObject()
                    .put("id", c.id())
                    .put("name", c.name())
                    .put("symbolSize", 6 + 4 * Math.min(6, n.degree()));
            if (n.fresh()) {
                node.putObject("itemStyle").put("color", "#10B981");
            }
        }
        ArrayNode links = series.putArray("links");
        for (Relation r : graph.relations()) {
            if (ids.contains(r.from()) && ids.contains(r.to())) {
                links.addObject().put("source", r.from()).put("target", r.to());
            }
        }
        EChart chart = new EChart();
        chart.setHeight("360px");
        chart.setAriaLabel("Semantic graph: " + summary);
        chart.setOption(option);
        Span text = new Span(summary);
        text.addClassName("scenario-summary");
        return new Div(text, chart);
    }
}
