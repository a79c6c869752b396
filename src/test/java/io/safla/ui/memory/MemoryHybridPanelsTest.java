package io.safla.ui.memory;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.Relation;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.service.MemoryService;
import io.safla.memory.working.AttendedItem;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.KaribuTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest
class MemoryHybridPanelsTest extends KaribuTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MemoryService memory;

    @Autowired
    private HybridMemoryService hybrid;

    @BeforeEach
    void setUp() {
        memory.load();
        hybrid.load();
        startUi();
        UI.getCurrent().navigate("memory");
    }

    private static void openTab(String label) {
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("memory-tabs"));
        for (int i = 0; i < 10; i++) {
            if (tabs.getTabAt(i).getLabel().equals(label)) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
        throw new AssertionError("no tab " + label);
    }

    private static JsonNode option(String chartId) throws Exception {
        return JSON.readTree(_get(EChart.class, spec -> spec.withId(chartId)).getOption());
    }

    @Test
    void map_drawsEveryStoredMemoryByType_thenByTheQueryScore() throws Exception {
        openTab("Map");

        String summary = _get(Span.class, spec -> spec.withId("map-summary")).getText();
        assertThat(summary)
                .matches("Showing (\\d+) of \\1 memories \\(cap 500\\); the axes explain \\d+ % and \\d+ %"
                        + " of the variance\\.");
        JsonNode byType = option("map-chart");
        int points = 0;
        for (JsonNode s : byType.get("series")) {
            assertThat(s.get("type").asString()).isEqualTo("scatter");
            points += s.get("data").size();
        }
        assertThat(points).isEqualTo(Math.min(500, memory.engine().size()));
        assertThat(byType.get("series"))
                .extracting(s -> s.get("name").asString())
                .contains("episodic", "semantic");

        _setValue(_get(TextField.class, spec -> spec.withId("map-query")), "neural networks");
        _setValue(_get(ComboBox.class, spec -> spec.withId("map-colour")), "Score of the query");
        _click(_get(Button.class, spec -> spec.withId("map-draw")));

        JsonNode byScore = option("map-chart");
        assertThat(byScore.get("visualMap").get("dimension").asInt()).isEqualTo(2);
        JsonNode first = byScore.get("series").get(0).get("data").get(0);
        assertThat(first.get("value").size()).isEqualTo(3);
        assertThat(first.get("value").get(2).asDouble()).isBetween(-1.0, 1.0);
    }

    @Test
    void map_byScoreWithoutAQuery_saysWhatIsMissing() {
        openTab("Map");
        _setValue(_get(ComboBox.class, spec -> spec.withId("map-colour")), "Score of the query");
        _click(_get(Button.class, spec -> spec.withId("map-draw")));

        assertThat(_get(TextField.class, spec -> spec.withId("map-query")).isInvalid())
                .isTrue();
        NotificationsKt.expectNotifications("Type a query to colour the map by its score.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void timeline_showsStackedCountsAndTheMatchingEpisodes_andFiltersByKind() throws Exception {
        openTab("Timeline");
        Grid<Episode> grid = _get(Grid.class, spec -> spec.withId("timeline-episodes"));
        int all = GridKt._size(grid);
        assertThat(all).isPositive();
        JsonNode chart = option("timeline-chart");
        assertThat(chart.get("series")).hasSize(EpisodeKind.values().length);
        int charted = 0;
        for (JsonNode s : chart.get("series")) {
            assertThat(s.get("stack").asString()).isEqualTo("kinds");
            for (JsonNode v : s.get("data")) {
                charted += v.asInt();
            }
        }
        assertThat(charted).isEqualTo(all);

        _setValue(_get(CheckboxGroup.class, spec -> spec.withId("timeline-kinds")), Set.of(EpisodeKind.SAFETY));

        int safety = GridKt._size(grid);
        assertThat(safety).isPositive().isLessThan(all);
        for (int i = 0; i < safety; i++) {
            assertThat(GridKt._get(grid, i).kind()).isEqualTo(EpisodeKind.SAFETY);
        }
        assertThat(option("timeline-chart").get("series")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void graph_showsTheTypedWeightedNeighbourhood_growingWithHops() throws Exception {
        openTab("Graph");
        Concept centre = (Concept)
                _get(ComboBox.class, spec -> spec.withId("graph-concept")).getValue();
        assertThat(centre).isNotNull();
        Grid<Relation> edges = _get(Grid.class, spec -> spec.withId("graph-edges"));
        int oneHop = GridKt._size(edges);
        assertThat(oneHop).isPositive();
        JsonNode series = option("graph-chart").get("series").get(0);
        assertThat(series.get("type").asString()).isEqualTo("graph");
        assertThat(series.get("links")).hasSize(oneHop);
        assertThat(series.get("links").get(0).get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(series.get("links").get(0).get("label").get("formatter").asString())
                .isNotBlank();
        assertThat(series.get("data").get(0).get("id").asString()).isEqualTo(centre.id());

        _setValue(_get(IntegerField.class, spec -> spec.withId("graph-hops")), 2);
        assertThat(GridKt._size(edges)).isGreaterThanOrEqualTo(oneHop);
        assertThat(_get(Span.class, spec -> spec.withId("graph-summary")).getText())
                .contains("within 2 hops of " + centre.name());

        _setValue(_get(IntegerField.class, spec -> spec.withId("graph-hops")), 4);
        assertThat(_get(IntegerField.class, spec -> spec.withId("graph-hops")).getErrorMessage())
                .isEqualTo("Between 1 and 3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void working_showsAttentionAndDecay_focusAddsAnItem_andConsolidationRuns() throws Exception {
        openTab("Working");
        Grid<AttendedItem> items = _get(Grid.class, spec -> spec.withId("working-items"));
        assertThat(GridKt._size(items)).isEqualTo(hybrid.context().size()).isPositive();
        JsonNode chart = option("working-chart");
        assertThat(chart.get("series").get(0).get("data")).hasSize(GridKt._size(items));

        String text = "Karibu focus " + UUID.randomUUID();
        _setValue(_get(TextField.class, spec -> spec.withId("working-text")), text);
        _setValue(_get(NumberField.class, spec -> spec.withId("working-attention")), 1.0);
        _click(_get(Button.class, spec -> spec.withId("working-focus")));

        assertThat(hybrid.context()).extracting(a -> a.item().text()).contains(text);
        AttendedItem top = GridKt._get(items, 0);
        assertThat(top.item().text()).isEqualTo(text);
        assertThat(GridKt._getFormatted(items, 0, "attention")).matches("1\\.000|0\\.99\\d");

        _click(_get(Button.class, spec -> spec.withId("consolidate-now")));
        assertThat(_get(Span.class, spec -> spec.withId("consolidation-status")).getText())
                .containsPattern("Last run .* UTC \\((operator|visitor)\\): \\d+ expired, \\d+ promoted, \\d+ swept");
    }

    @Test
    void working_hostileText_endsInAClearMessageOrAStoredItem_andTheStoreStaysSaveable() throws Exception {
        openTab("Working");
        _setValue(_get(TextField.class, spec -> spec.withId("working-text")), "<script>alert(1)</script>");
        _click(_get(Button.class, spec -> spec.withId("working-focus")));
        NotificationsKt.expectNotifications("text contains potentially dangerous content (script, event handler,"
                + " javascript: URL, eval or exec)");

        for (String text : HOSTILE) {
            _setValue(_get(TextField.class, spec -> spec.withId("working-text")), text);
            _click(_get(Button.class, spec -> spec.withId("working-focus")));
        }

        assertThat(hybrid.context()).extracting(a -> a.item().text()).doesNotContain("<script>alert(1)</script>");
        assertThat(io.safla.memory.hybrid.HybridStateCodec.read(hybrid.file()))
                .isEqualTo(hybrid.memory().state());
    }
}
