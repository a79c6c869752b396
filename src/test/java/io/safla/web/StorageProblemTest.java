package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.memory.StorageUnavailableException;
import org.junit.jupiter.api.Test;

class StorageProblemTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void fullDataDir_is507_unwritable_is503_eachWithTheMessage() {
        var full = handler.storage(
                new StorageUnavailableException(StorageUnavailableException.Reason.FULL, "the data directory is full"));
        assertThat(full.getStatusCode().value()).isEqualTo(507);
        assertThat(full.getBody().getDetail()).isEqualTo("the data directory is full");
        assertThat(full.getBody().getProperties()).containsEntry("stored", false);

        var unwritable = handler.storage(
                new StorageUnavailableException(StorageUnavailableException.Reason.UNWRITABLE, "read-only"));
        assertThat(unwritable.getStatusCode().value()).isEqualTo(503);
        assertThat(unwritable.getBody().getTitle()).isEqualTo("Data directory not writable");
    }
}
