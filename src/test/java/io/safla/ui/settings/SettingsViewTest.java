package io.safla.ui.settings;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import io.safla.checkpoint.service.CheckpointService;
import io.safla.memory.NewMemory;
import io.safla.memory.service.ConsolidationService;
import io.safla.memory.service.MemoryService;
import io.safla.settings.EngineSettings;
import io.safla.settings.SettingsChange;
import io.safla.settings.service.SettingsService;
import io.safla.ui.kit.KaribuTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SettingsViewTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @Autowired
    private SettingsService settings;

    @Autowired
    private CheckpointService checkpoints;

    @Autowired
    private ConsolidationService consolidation;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
        UI.getCurrent().navigate("settings");
    }

    @AfterEach
    void tearDown() {
        settings.apply(settings.startup(), "test cleanup", p -> {});
    }

    @Test
    void invalidCapacity_showsItsError_andApplyChangesNothing() {
        _setValue(_get(IntegerField.class, spec -> spec.withId("setting-capacity")), 5);

        _click(_get(Button.class, spec -> spec.withId("settings-apply")));

        IntegerField capacity = _get(IntegerField.class, spec -> spec.withId("setting-capacity"));
        assertThat(capacity.isInvalid()).isTrue();
        assertThat(capacity.getErrorMessage()).isEqualTo("must be between 10 and 10000");
        NotificationsKt.expectNotifications("Not applied: please correct the highlighted values.");
        assertThat(settings.current()).isEqualTo(settings.startup());
    }

    @Test
    void dimensionChange_isPreviewedWithAMeasuredEstimate_thenReembedsEveryMemory_andIsRecorded() {
        memory.engine().add(NewMemory.of("Settings test memory about attention."));
        int items = memory.engine().size();
        int checkpointsBefore = checkpoints.list().size();

        _setValue(_get(ComboBox.class, spec -> spec.withId("setting-dimension")), "768");
        String impact = _get(UnorderedList.class, spec -> spec.withId("settings-impact"))
                .getElement()
                .getTextRecursively();
        assertThat(impact)
                .containsPattern("Re-embeds [\\d,]+ memories with hashing-768, about [\\d.]+ s \\(measured now");
        assertThat(impact).contains("A checkpoint is taken first");

        _click(_get(Button.class, spec -> spec.withId("settings-apply")));

        assertThat(memory.engine().stats().dimension()).isEqualTo(768);
        assertThat(memory.engine().size()).isEqualTo(items);
        assertThat(checkpoints.list().size()).isGreaterThanOrEqualTo(Math.min(checkpointsBefore + 1, 20));
        @SuppressWarnings("unchecked")
        Grid<SettingsChange> history = _get(Grid.class, spec -> spec.withId("settings-history"));
        SettingsChange last = GridKt._get(history, GridKt._size(history) - 1);
        assertThat(last.setting()).isEqualTo("dimension");
        assertThat(last.before()).isEqualTo(settings.startup().dimension());
        assertThat(last.after()).isEqualTo("768");
    }

    @Test
    void batchSizeOutOfRange_showsItsError_andApplyChangesNothing() {
        _setValue(_get(IntegerField.class, spec -> spec.withId("setting-batch-size")), 0);

        _click(_get(Button.class, spec -> spec.withId("settings-apply")));

        IntegerField batchSize = _get(IntegerField.class, spec -> spec.withId("setting-batch-size"));
        assertThat(batchSize.isInvalid()).isTrue();
        assertThat(batchSize.getErrorMessage()).isEqualTo("must be between 1 and 256");
        NotificationsKt.expectNotifications("Not applied: please correct the highlighted values.");
        assertThat(settings.current()).isEqualTo(settings.startup());
    }

    @Test
    void batchSizeChange_isPreviewed_reachesTheEngine_andIsRecorded() {
        int next = settings.startup().batchSize() == 64 ? 65 : 64;

        _setValue(_get(IntegerField.class, spec -> spec.withId("setting-batch-size")), next);
        String impact = _get(UnorderedList.class, spec -> spec.withId("settings-impact"))
                .getElement()
                .getTextRecursively();
        assertThat(impact)
                .contains("send " + next + " texts per embedder call (was "
                        + settings.startup().batchSize() + ")");

        _click(_get(Button.class, spec -> spec.withId("settings-apply")));

        assertThat(memory.engine().embedBatchSize()).isEqualTo(next);
        assertThat(settings.current().batchSize()).isEqualTo(next);
        SettingsChange last = settings.history().get(settings.history().size() - 1);
        assertThat(last.setting()).isEqualTo("batchSize");
        assertThat(last.after()).isEqualTo(String.valueOf(next));
        assertThat(settings.export()).contains("\"batchSize\" : " + next);
    }

    @Test
    void importOfAFileWithoutBatchSize_keepsTheCurrentOne_andAnOutOfRangeOneIsRefused() {
        EngineSettings parsed = settings.parse("{\"capacity\": 500}".getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.capacity()).isEqualTo(500);
        assertThat(parsed.batchSize()).isEqualTo(settings.current().batchSize());

        assertThatThrownBy(() -> settings.parse("{\"batchSize\": 1000}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize=must be between 1 and 256");
        assertThatThrownBy(() -> settings.parse("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a settings file");
    }

    @Test
    void consolidationSettings_showTheirErrors_andAValidChangeReachesTheScheduler() {
        _setValue(_get(IntegerField.class, spec -> spec.withId("setting-retention")), 0);
        _setValue(_get(IntegerField.class, spec -> spec.withId("setting-consolidation-interval")), 2000);
        _click(_get(Button.class, spec -> spec.withId("settings-apply")));

        assertThat(_get(IntegerField.class, spec -> spec.withId("setting-retention"))
                        .getErrorMessage())
                .isEqualTo("must be between 1 and 3650 days");
        assertThat(_get(IntegerField.class, spec -> spec.withId("setting-consolidation-interval"))
                        .getErrorMessage())
                .isEqualTo("must be 0 (off) or 1 to 1440 minutes");
        assertThat(settings.current()).isEqualTo(settings.startup());

        int shorter = settings.startup().episodicRetentionDays() / 2;
        assertThat(shorter)
                .as("the test profile's retention leaves room for a shorter one")
                .isPositive();
        _setValue(_get(IntegerField.class, spec -> spec.withId("setting-retention")), shorter);
        _setValue(_get(IntegerField.class, spec -> spec.withId("setting-consolidation-interval")), 0);
        String impact = _get(UnorderedList.class, spec -> spec.withId("settings-impact"))
                .getElement()
                .getTextRecursively();
        assertThat(impact)
                .contains("Episodes older than " + shorter + " days are dropped", "Turns scheduled consolidation off");
        _click(_get(Button.class, spec -> spec.withId("settings-apply")));

        assertThat(consolidation.settings().episodicRetentionDays()).isEqualTo(shorter);
        assertThat(consolidation.settings().interval()).isEmpty();
        assertThat(consolidation.nextRun()).isEmpty();
        assertThat(settings.history())
                .extracting(SettingsChange::setting)
                .contains("episodicRetentionDays", "consolidationIntervalMinutes");
    }
}
