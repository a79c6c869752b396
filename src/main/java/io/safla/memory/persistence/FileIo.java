package io.safla.memory.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file operations the {@link DurableLog} writes with: opening a channel and renaming a file over another. The
 * default is the real file system; tests pass one that fails on the Nth write, writes half a buffer, or refuses a
 * rename, to check what the log does then.
 */
public interface FileIo {

    FileChannel open(Path file, OpenOption... options) throws IOException;

    /** Renames {@code source} over {@code target}, atomically where the file system can. */
    void replace(Path source, Path target) throws IOException;

    FileIo DEFAULT = new FileIo() {
        @Override
        public FileChannel open(Path file, OpenOption... options) throws IOException {
            return FileChannel.open(file, options);
        }

        @Override
        public void replace(Path source, Path target) throws IOException {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    };
}
