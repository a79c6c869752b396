package io.safla.memory.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link FileIo} that injects the faults a full or failing disk produces: after {@code bytesLeft} bytes every
 * write is cut short and then fails with ENOSPC, force or truncate can fail, a rename can fail, and opening chosen
 * files can fail (a crash at that point, as far as the files are concerned).
 */
public final class FaultyFileIo implements FileIo {

    /** Bytes that may still be written; negative means unlimited. */
    public final AtomicLong bytesLeft = new AtomicLong(-1);

    public volatile boolean failForce;
    public volatile boolean failTruncate;
    public volatile boolean failReplace;
    public volatile Predicate<Path> failOpen = p -> false;

    public void heal() {
        bytesLeft.set(-1);
        failForce = false;
        failTruncate = false;
        failReplace = false;
        failOpen = p -> false;
    }

    static IOException noSpace() {
        return new IOException("No space left on device");
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        if (failOpen.test(file)) {
            throw new IOException("injected: cannot open " + file.getFileName());
        }
        return new Channel(FileChannel.open(file, options));
    }

    @Override
    public void replace(Path source, Path target) throws IOException {
        if (failReplace) {
            throw new IOException("injected: rename of " + source.getFileName() + " failed");
        }
        FileIo.DEFAULT.replace(source, target);
    }

    private final class Channel extends FileChannel {
        private final FileChannel delegate;

        Channel(FileChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long left = bytesLeft.get();
            if (left < 0) {
                return delegate.write(src);
            }
            if (left == 0) {
                throw noSpace();
            }
            // a partial write: only what fits goes out, the next call fails
            int n = (int) Math.min(left, src.remaining());
            ByteBuffer part = src.slice().limit(n);
            int written = delegate.write(part);
            src.position(src.position() + written);
            bytesLeft.addAndGet(-written);
            return written;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
            return total;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failForce) {
                throw new IOException("injected: fsync failed");
            }
            delegate.force(metaData);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (failTruncate) {
                throw new IOException("injected: truncate failed");
            }
            delegate.truncate(size);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return delegate.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return delegate.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}
