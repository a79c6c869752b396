package io.safla.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.safla.memory.service.MemoryService;
import io.safla.ui.kit.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Hostile text typed into the main forms: every submit ends in a result or a clear message, never an exception. */
@SpringBootTest
class FormFuzzTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
    }

    @Test
    void hostileText_inTheMainForms_neverThrows() {
        int sizeBefore = memory.engine().size();
        for (String text : HOSTILE) {
            UI.getCurrent().navigate("memory");
            _setValue(_get(TextField.class, spec -> spec.withId("search-query")), text);
            _click(_get(Button.class, spec -> spec.withId("search-button")));
            _get(TabSheet.class, spec -> spec.withId("memory-tabs")).setSelectedIndex(1);
            _setValue(_get(TextArea.class, spec -> spec.withId("add-text")), text);
            _click(_get(Button.class, spec -> spec.withId("add-button")));

            UI.getCurrent().navigate("safety");
            _setValue(_get(TextArea.class, spec -> spec.withId("safety-input")), text);
            _click(_get(Button.class, spec -> spec.withId("validate-button")));

            UI.getCurrent().navigate("");
            _setValue(_get(TextArea.class, spec -> spec.withId("recall-facts")), text);
            _click(_get(Button.class, spec -> spec.withId("recall-run-all")));
            MockVaadin.clientRoundtrip(false);
        }
        // only the well-formed, harmless texts of the list may have been stored
        assertThat(memory.engine().size() - sizeBefore).isLessThanOrEqualTo(HOSTILE.size());
        assertThat(memory.engine().list(i -> i.text().contains("<script>"))).isEmpty();
    }
}
