package io.safla.ui.memory;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.GraphNode;
import io.safla.memory.semantic.Relation;
import io.safla.memory.semantic.RelationType;
import io.safla.memory.semantic.Subgraph;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.memory.service.HybridMemoryService;
import io.safla.ui.kit.EChart;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The semantic graph around a chosen concept, k hops (1–3) out, with typed and weighted edges. */
class MemoryGraphPanel extends HybridPanel {

    private static final Map<RelationType, String> COLOURS = Map.of(
            RelationType.IS_A,
            "#3b82f6",
            RelationType.PART_OF,
            "#8b5cf6",
            RelationType.RELATED_TO,
            "#94a3b8",
            RelationType.CAUSES,
            "#ef4444",
            RelationType.USED_FOR,
            "#10b981",
            RelationType.DERIVED_FROM,
            "#f59e0b");

    final ComboBox<Concept> concept = new ComboBox<>("Concept");
    final IntegerField hops = new IntegerField("Hops");
    final Span summary = new Span();
    final EChart chart = new EChart();
    final Grid<Relation> edges = new Grid<>();
    private Map<String, String> names = Map.of();

    MemoryGraphPanel(HybridMemoryService hybrid) {
        super(hybrid, "graph-status");
        concept.setId("graph-concept");
        concept.setItemLabelGenerator(Concept::name);
        concept.setHelperText("Type to search the concepts");
        hops.setId("graph-hops");
        hops.setMin(1);
        hops.setMax(3);
        hops.setValue(1);
        hops.setStepButtonsVisible(true);
        hops.setHelperText("1 – 3");
        concept.addValueChangeListener(e -> draw());
        hops.addValueChangeListener(e -> draw());
        FormLayout form = twoColumns(concept, hops);
        summary(summary, "graph-summary");
        chart.setId("graph-chart");
        chart.setHeight("420px");
        edges.setId("graph-edges");
        edges.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        edges.addColumn(r -> names.getOrDefault(r.from(), r.from()))
                .setHeader("From")
                .setKey("from");
        edges.addColumn(r -> r.type().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .setHeader("Relation")
                .setKey("type")
                .setAutoWidth(true)
                .setFlexGrow(0);
        edges.addColumn(r -> names.getOrDefault(r.to(), r.to())).setHeader("To").setKey("to");
        edges.addColumn(r -> String.format(Locale.ROOT, "%.2f", r.weight()))
                .setHeader("Weight")
                .setKey("weight")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        edges.setHeight("300px");
        edges.setEmptyStateText("This concept has no relations yet.");
        add(form, summary, chart, edges);
        refresh();
    }

    @Override
    void refresh() {
        if (!checkReady()) {
            return;
        }
        try {
            List<Concept> all = hybrid.concepts();
            Concept selected = concept.getValue();
            concept.setItems(all);
            if (selected == null || all.stream().noneMatch(c -> c.id().equals(selected.id()))) {
                // Start from the best connected concept, so the first picture shows a graph, not a dot.
                all.stream()
                        .max(java.util.Comparator.comparingInt((Concept c) -> hybrid.degree(c.id()))
                                .thenComparing(Concept::id, java.util.Comparator.reverseOrder()))
                        .ifPresent(concept::setValue);
            } else {
                concept.setValue(all.stream()
                        .filter(c -> c.id().equals(selected.id()))
                        .findFirst()
                        .orElseThrow());
            }
            draw();
        } catch (EngineUnavailableException e) {
            summary.setText("Degraded: " + e.getMessage());
        }
    }

    void draw() {
        Concept centre = concept.getValue();
        Integer k = hops.getValue();
        if (k == null || k < 1 || k > 3) {
            hops.setInvalid(true);
            hops.setErrorMessage("Between 1 and 3");
            return;
        }
        hops.setInvalid(false);
        if (centre == null) {
            summary.setText("Choose a concept.");
            edges.setItems();
            return;
        }
        try {
            Subgraph graph = hybrid.neighbourhood(centre.id(), k);
            Map<String, String> n = new HashMap<>();
            graph.nodes()
                    .forEach(node -> n.put(node.concept().id(), node.concept().name()));
            names = n;
            edges.setItems(graph.edges());
            summary.setText(graph.nodes().size() + " concepts and "
                    + graph.edges().size() + " relations within " + k
                    + (k == 1 ? " hop" : " hops") + " of " + centre.name()
                    + (graph.truncated() ? " (cut at " + HybridMemoryService.GRAPH_CAP + " concepts)" : "") + ".");
            chart.setOption(option(graph));
        } catch (EngineUnavailableException | IllegalArgumentException e) {
            summary.setText("Degraded: " + e.getMessage());
        }
    }

    static ObjectNode option(Subgraph graph) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("renderMode", "richText").put("confine", true);
        ArrayNode legend = option.putObject("legend").put("top", 0).putArray("data");
        ObjectNode series = option.putArray("series")
                .addObject()
                .put("type", "graph")
                .put("layout", "force")
                .put("roam", true)
                .put("draggable", true)
                .put("top", 40);
        // a small neighbourhood otherwise huddles in the middle of the chart; roam lets a visitor zoom a large one
        ObjectNode force = series.putObject("force").put("repulsion", 320);
        force.putArray("edgeLength").add(90).add(160);
        series.putObject("label").put("show", true).put("fontSize", 10).put("position", "right");
        series.putArray("edgeSymbol").add("none").add("arrow");
        series.putObject("edgeLabel").put("fontSize", 9);
        ArrayNode categories = series.putArray("categories");
        int maxHops = graph.nodes().stream().mapToInt(GraphNode::hops).max().orElse(0);
        for (int h = 0; h <= maxHops; h++) {
            categories.addObject().put("name", h == 0 ? "centre" : h == 1 ? "1 hop" : h + " hops");
        }
        categories.forEach(c -> legend.add(c.get("name").asString()));
        ArrayNode nodes = series.putArray("data");
        for (GraphNode node : graph.nodes()) {
            Concept c = node.concept();
            nodes.addObject()
                    .put("id", c.id())
                    .put("name", c.name())
                    .put("category", node.hops())
                    .put("value", Math.round(c.importance() * 100) / 100.0)
                    .put("symbolSize", 10 + 20 * c.importance());
        }
        ArrayNode links = series.putArray("links");
        for (Relation r : graph.edges()) {
            ObjectNode link = links.addObject()
                    .put("source", r.from())
                    .put("target", r.to())
                    .put("value", Math.round(r.weight() * 100) / 100.0);
            link.putObject("lineStyle").put("width", 1 + 4 * r.weight()).put("color", COLOURS.get(r.type()));
            link.putObject("label")
                    .put("show", true)
                    .put("formatter", r.type().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return option;
    }
}
