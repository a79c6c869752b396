package io.safla.ui.memory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.safla.memory.MemoryStats;
import io.safla.memory.service.MemoryService;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.Figure;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Store statistics: count by type, dimension, embedder, kernel, capacity, cache and disk. */
class MemoryStatsPanel extends VerticalLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MemoryService memory;
    final Div figures = new Div();
    final EChart byType = new EChart();

    MemoryStatsPanel(MemoryService memory) {
        this.memory = memory;
        setPadding(false);
        figures.setId("memory-stats");
        figures.addClassName("health-figures");
        byType.setHeight("240px");
        byType.setAriaLabel("Bar chart of the number of memories per type");
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setAriaLabel("Refresh the statistics");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(refresh, figures, byType);
        refresh();
    }

    void refresh() {
        figures.removeAll();
        if (!memory.ready()) {
            figure("Engine", "Degraded: " + memory.stateReason());
            return;
        }
        MemoryStats s = memory.stats();
        figure("Items", s.count() + " of " + s.capacity());
        figure("Dimension", String.valueOf(s.dimension()));
        figure("Embedder", s.embedder());
        figure("Kernel", s.kernel());
        figure("Evictions", String.valueOf(s.evictions()));
        figure(
                "Vector memory",
                String.format(
                        Locale.ROOT,
                        "%.1f MB (%.0f B per item)",
                        s.estimatedBytes() / 1048576.0,
                        s.count() == 0 ? 0.0 : (double) s.estimatedBytes() / s.count()));
        figure(
                "Search cache",
                s.searchCacheSize() + " entries, hit rate "
                        + String.format(Locale.ROOT, "%.0f %%", s.searchCacheHitRate() * 100));
        figure("Durable log", "entry " + s.logSequence() + ", " + s.diskBytes() / 1024 + " KB on disk");
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 40).put("right", 10).put("top", 10).put("bottom", 30);
        ArrayNode x = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode data = option.putArray("series")
                .addObject()
                .put("type", "bar")
                .put("name", "items")
                .putArray("data");
        s.byType().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> {
                    x.add(e.getKey());
                    data.add(e.getValue());
                });
        byType.setOption(option);
    }

    private void figure(String label, String value) {
        figures.add(Figure.of(label, value));
    }
}
