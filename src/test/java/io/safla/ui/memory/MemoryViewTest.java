package io.safla.ui.memory;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.memory.MemoryItem;
import io.safla.memory.NewMemory;
import io.safla.memory.SearchResult;
import io.safla.memory.service.MemoryService;
import io.safla.ui.kit.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class MemoryViewTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
        UI.getCurrent().navigate("memory");
    }

    @Test
    void search_showsScoredRowsWithLatency_andTheCacheOnRepeat() {
        memory.engine().add(NewMemory.of("Dropout randomly zeroes activations to regularise neural networks."));

        _setValue(_get(TextField.class, spec -> spec.withId("search-query")), "dropout regularisation");
        _click(_get(Button.class, spec -> spec.withId("search-button")));

        @SuppressWarnings("unchecked")
        Grid<SearchResult.Hit> results = _get(Grid.class, spec -> spec.withId("search-results"));
        assertThat(GridKt._size(results)).isPositive();
        assertThat(GridKt._get(results, 0).item().text()).startsWith("Dropout");
        assertThat(GridKt._getFormatted(results, 0, "score")).matches("-?\\d\\.\\d{3}");
        String summary = _get(Span.class, spec -> spec.withId("search-summary")).getText();
        assertThat(summary).matches("\\d+ results? for .* in \\d+ \u00b5s");

        _click(_get(Button.class, spec -> spec.withId("search-button")));
        assertThat(_get(Span.class, spec -> spec.withId("search-summary")).getText())
                .endsWith("(answered by the cache)");
    }

    @Test
    void search_withInvalidK_showsTheFieldError_andRunsNothing() {
        _setValue(_get(TextField.class, spec -> spec.withId("search-query")), "anything");
        _setValue(_get(IntegerField.class, spec -> spec.withId("search-k")), 0);

        _click(_get(Button.class, spec -> spec.withId("search-button")));

        IntegerField k = _get(IntegerField.class, spec -> spec.withId("search-k"));
        assertThat(k.isInvalid()).isTrue();
        assertThat(k.getErrorMessage()).isEqualTo("Must be between 1 and 100");
        NotificationsKt.expectNotifications("Please correct the highlighted fields.");
    }

    private static void openTab(int index) {
        _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withId("memory-tabs"))
                .setSelectedIndex(index);
    }

    @Test
    void addForm_storesTheMemory_andRejectsDangerousText() {
        openTab(1);
        _setValue(_get(TextArea.class, spec -> spec.withId("add-text")), "<script>alert('x')</script> remember me");
        _click(_get(Button.class, spec -> spec.withId("add-button")));
        assertThat(_get(TextArea.class, spec -> spec.withId("add-text")).isInvalid())
                .isTrue();
        assertThat(_get(TextArea.class, spec -> spec.withId("add-text")).getErrorMessage())
                .contains("potentially dangerous content");
        int before = memory.engine().size();

        _setValue(
                _get(TextArea.class, spec -> spec.withId("add-text")),
                "Zebra-striped learning-rate schedules are a made-up test phrase.");
        _click(_get(Button.class, spec -> spec.withId("add-button")));

        assertThat(memory.engine().size()).isEqualTo(before + 1);
        assertThat(memory.engine().list(i -> i.text().startsWith("Zebra-striped")))
                .hasSize(1);
    }

    @Test
    void bulkDelete_asksForConfirmation_thenDeletes() {
        List<MemoryItem> added =
                memory.engine().addAll(List.of(NewMemory.of("Delete me one."), NewMemory.of("Delete me two.")));
        openTab(1);
        @SuppressWarnings("unchecked")
        Grid<MemoryItem> grid = _get(Grid.class, spec -> spec.withId("memory-grid"));
        added.forEach(grid::select);

        _click(_get(Button.class, spec -> spec.withId("delete-selected")));
        assertThat(memory.engine().get(added.get(0).id())).isPresent();
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("confirm-delete"));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(dialog);

        assertThat(memory.engine().get(added.get(0).id())).isEmpty();
        assertThat(memory.engine().get(added.get(1).id())).isEmpty();
    }
}
