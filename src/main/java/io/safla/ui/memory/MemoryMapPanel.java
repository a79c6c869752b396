package io.safla.ui.memory;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.memory.service.EngineUnavailableException;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.service.HybridMemoryService.MapPoint;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.VisitorActions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A 2-D map of the stored memories by PCA (computed on the server), coloured by type or by a query's score. */
class MemoryMapPanel extends HybridPanel {

    static final String BY_TYPE = "Memory type";
    static final String BY_SCORE = "Score of the query";

    private final VisitorActions actions;
    final TextField query = new TextField("Query (optional)");
    final ComboBox<String> colour = new ComboBox<>("Colour by");
    final Button draw = new Button("Draw map");
    final Span summary = new Span();
    final EChart chart = new EChart();

    MemoryMapPanel(HybridMemoryService hybrid, VisitorActions actions) {
        super(hybrid, "map-status");
        this.actions = actions;
        query.setId("map-query");
        query.setPlaceholder("e.g. attention in transformers");
        query.setMaxLength(1000);
        query.setClearButtonVisible(true);
        query.addKeyPressListener(Key.ENTER, e -> drawMap());
        colour.setId("map-colour");
        colour.setItems(BY_TYPE, BY_SCORE);
        colour.setValue(BY_TYPE);
        colour.setHelperText("Scores need a query");
        draw.setId("map-draw");
        draw.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        draw.addClickListener(e -> drawMap());
        FormLayout form = twoColumns(query, colour);
        summary(summary, "map-summary");
        chart.setId("map-chart");
        chart.setHeight("420px");
        add(form, draw, summary, chart);
    }

    @Override
    void refresh() {
        if (checkReady()) {
            drawMap();
        }
    }

    void drawMap() {
        boolean byScore = BY_SCORE.equals(colour.getValue());
        String q = query.getValue().strip();
        if (byScore && q.isEmpty()) {
            query.setInvalid(true);
            query.setErrorMessage("Type a query to colour by its score");
            error("Type a query to colour the map by its score.");
            return;
        }
        query.setInvalid(false);
        actions.run("memory.map", () -> {
            try {
                HybridMemoryService.MemoryMap map = hybrid.map(q.isEmpty() ? null : q, HybridMemoryService.MAP_CAP);
                summary.setText(String.format(
                        Locale.ROOT,
                        "Showing %d of %d memories (cap %d); the axes explain"
                                + " %.0f %% and %.0f %% of the variance.",
                        map.points().size(),
                        map.total(),
                        HybridMemoryService.MAP_CAP,
                        map.explained()[0] * 100,
                        map.explained()[1] * 100));
                chart.setOption(byScore ? scoreOption(map.points(), q) : typeOption(map.points()));
            } catch (EngineUnavailableException | IllegalArgumentException e) {
                summary.setText("Degraded: " + e.getMessage());
            }
        });
    }

    private static ObjectNode base() {
        ObjectNode option = JSON.createObjectNode();
        // richText draws the tooltip on the canvas, so stored text can never be interpreted as HTML.
        option.putObject("tooltip").put("renderMode", "richText").put("confine", true);
        option.putObject("grid").put("left", 36).put("right", 12).put("top", 64).put("bottom", 48);
        option.putObject("xAxis").put("type", "value").put("name", "PC 1").put("scale", true);
        option.putObject("yAxis").put("type", "value").put("name", "PC 2").put("scale", true);
        return option;
    }

    static ObjectNode typeOption(List<MapPoint> points) {
        ObjectNode option = base();
        option.putObject("legend").put("top", 0).put("type", "scroll");
        Map<String, ArrayNode> byType = new TreeMap<>();
        ArrayNode series = option.putArray("series");
        for (MapPoint p : points) {
            ArrayNode data = byType.computeIfAbsent(
                    p.type(),
                    t -> series.addObject()
                            .put("type", "scatter")
                            .put("name", t.toLowerCase(Locale.ROOT))
                            .put("symbolSize", 8)
                            .putArray("data"));
            data.addObject()
                    .put("name", shorten(p.text(), 120))
                    .putArray("value")
                    .add(p.x())
                    .add(p.y());
        }
        return option;
    }

    static ObjectNode scoreOption(List<MapPoint> points, String query) {
        ObjectNode option = base();
        ObjectNode visual = option.putObject("visualMap")
                .put("type", "continuous")
                .put("dimension", 2)
                .put("orient", "horizontal")
                .put("left", "center")
                .put("bottom", 0)
                .put("itemHeight", 120)
                .put("calculable", false);
        visual.putArray("text").add("high").add("low");
        double min = points.stream()
                .mapToDouble(p -> p.score() == null ? 0 : p.score())
                .min()
                .orElse(0);
        double max = points.stream()
                .mapToDouble(p -> p.score() == null ? 0 : p.score())
                .max()
                .orElse(1);
        visual.put("min", Math.floor(min * 100) / 100).put("max", Math.ceil(max * 100) / 100);
        visual.putObject("inRange")
                .putArray("color")
                .add("#cbd5e1")
                .add("#60a5fa")
                .add("#1d4ed8");
        ArrayNode data = option.putArray("series")
                .addObject()
                .put("type", "scatter")
                .put("name", "score for \"" + shorten(query, 40) + "\"")
                .put("symbolSize", 8)
                .putArray("data");
        for (MapPoint p : points) {
            double score = p.score() == null ? 0 : p.score();
            data.addObject()
                    .put("name", String.format(Locale.ROOT, "%.3f  %s", score, shorten(p.text(), 110)))
                    .putArray("value")
                    .add(p.x())
                    .add(p.y())
                    .add(score);
        }
        return option;
    }
}
