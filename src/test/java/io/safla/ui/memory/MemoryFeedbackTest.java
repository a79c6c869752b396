package io.safla.ui.memory;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.cognition.service.FeedbackLoopService;
import io.safla.memory.NewMemory;
import io.safla.memory.SearchResult;
import io.safla.memory.service.MemoryService;
import io.safla.ui.kit.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Thumbs on the Memory view's search results feed the feedback loop. */
@SpringBootTest
class MemoryFeedbackTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @Autowired
    private FeedbackLoopService feedback;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
        UI.getCurrent().navigate("memory");
    }

    @SuppressWarnings("unchecked")
    private Grid<SearchResult.Hit> results() {
        return _get(Grid.class, spec -> spec.withId("search-results"));
    }

    private Button thumb(int row, int which) {
        HorizontalLayout thumbs = (HorizontalLayout) GridKt._getCellComponent(results(), row, "feedback");
        return (Button) thumbs.getComponentAt(which);
    }

    @Test
    void thumbsUpRunsACycleAndSaysWhatChanged() {
        memory.engine().add(NewMemory.of("Ticket OPS-5512 asks to rotate the build server's signing keys."));
        _setValue(_get(TextField.class, spec -> spec.withId("search-query")), "what is OPS-5512 about");
        _click(_get(Button.class, spec -> spec.withId("search-button")));
        long cycles = feedback.state().cycles();

        _click(thumb(0, 0));

        assertThat(feedback.state().cycles()).isEqualTo(cycles + 1);
        assertThat(NotificationsKt.getNotifications())
                .singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).matches("(Learned|Rolled back): .+"));
        // the message's claim about the next search holds: it ranks exactly as plain cosine does
        String text = NotificationsKt.getNotifications().get(0).getElement().getProperty("text");
        if (text.startsWith("Learned")) {
            assertThat(text).endsWith("The memory search still ranks by cosine similarity.");
        }
        _click(_get(Button.class, spec -> spec.withId("search-button")));
        assertThat(results()
                        .getGenericDataView()
                        .getItems()
                        .map(h -> h.item().id())
                        .toList())
                .containsExactlyElementsOf(
                        memory.search(io.safla.memory.SearchRequest.of("what is OPS-5512 about", 10)).hits().stream()
                                .map(h -> h.item().id())
                                .toList());
    }

    @Test
    void resultsOfSimilarToHaveNoQuery_soTheThumbsAreOff() {
        memory.engine().add(NewMemory.of("Ticket OPS-5513 asks to rotate the staging server's signing keys."));
        memory.engine().add(NewMemory.of("Ticket OPS-5514 asks to rotate the release server's signing keys."));
        _setValue(_get(TextField.class, spec -> spec.withId("search-query")), "rotate signing keys");
        _click(_get(Button.class, spec -> spec.withId("search-button")));
        assertThat(thumb(0, 0).isEnabled()).isTrue();

        Button similar = (Button) GridKt._getCellComponent(results(), 0, "similar");
        _click(similar);

        assertThat(thumb(0, 0).isEnabled()).isFalse();
        assertThat(thumb(0, 1).isEnabled()).isFalse();
    }
}
