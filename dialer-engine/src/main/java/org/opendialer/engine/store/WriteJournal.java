package org.opendialer.engine.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The write-behind queue's journal: every write is appended to a file before the dialer goes on, and marked done
 * once the store has it. The append goes to the operating system at once, so a killed process loses nothing; the
 * queue forces the file to disk before each batch it stores, so a power cut loses at most the writes of one batch
 * interval. After a crash, {@link #replay} stores what was not marked done, in order, and empties the file.
 *
 * <p>A file is a run of frames: {@code W seq length bytes} (a serialized {@link AttemptWrite}) or {@code C seq}
 * (every write up to seq is stored). A frame cut short by a crash is ignored.
 */
public final class WriteJournal implements AutoCloseable {

    private static final byte WRITE = 'W';
    private static final byte DONE = 'C';
    /** Only the dialer's own records and the JDK's value types are read back from a journal. */
    private static final ObjectInputFilter ONLY_OURS = ObjectInputFilter.Config.createFilter(
            "org.opendialer.engine.**;java.base/*;!*");

    private final Path file;
    /** Plain file I/O, not a channel: a channel is closed for good when the thread writing to it is interrupted. */
    private final RandomAccessFile channel;
    private long lastAppended;
    private long lastDone;

    private WriteJournal(Path file, RandomAccessFile channel) {
        this.file = file;
        this.channel = channel;
    }

    /** A journal that keeps nothing: writes live only in the queue (simulations, tests). */
    public static WriteJournal none() {
        return new WriteJournal(null, null);
    }

    /** Opens (or creates) the journal at {@code file}; replay a left-over one first. */
    public static WriteJournal at(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
            raf.seek(raf.length());
            return new WriteJournal(file, raf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the attempt journal " + file + " (set dialer.data.dir to a writable folder)", e);
        }
    }

    /** Appends the write; returns its sequence number. */
    public synchronized long append(AttemptWrite write) {
        long seq = ++lastAppended;
        if (channel != null) {
            byte[] bytes = serialize(write);
            ByteBuffer frame = ByteBuffer.allocate(1 + 8 + 4 + bytes.length);
            frame.put(WRITE).putLong(seq).putInt(bytes.length).put(bytes).flip();
            writeFully(frame);
        }
        return seq;
    }

    /** Forces what was appended so far to disk. */
    public void sync() {
        if (channel != null) {
            try {
                channel.getFD().sync();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sync the attempt journal " + file, e);
            }
        }
    }

    /** Every write up to {@code seq} is stored; an emptied journal starts over. */
    public synchronized void done(long seq) {
        lastDone = Math.max(lastDone, seq);
        if (channel == null) {
            return;
        }
        try {
            if (lastDone == lastAppended) {
                channel.setLength(0);
                channel.seek(0);
            } else {
                writeFully(ByteBuffer.allocate(1 + 8).put(DONE).putLong(seq).flip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark writes done in the attempt journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Stores, in order, the writes a crashed run left in the journal at {@code file} and not marked done, then deletes
     * it. Returns how many were stored; a journal that does not exist stores nothing.
     */
    public static int replay(Path file, AttemptStore store, int batchSize) {
        if (!Files.exists(file)) {
            return 0;
        }
        List<AttemptWrite> pending = pending(file);
        for (int from = 0; from < pending.size(); from += batchSize) {
            store.write(pending.subList(from, Math.min(pending.size(), from + batchSize)));
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the replayed attempt journal " + file, e);
        }
        return pending.size();
    }

    /** The writes in the journal at {@code file} not marked done, in order. */
    static List<AttemptWrite> pending(Path file) {
        List<Long> seqs = new ArrayList<>();
        List<AttemptWrite> writes = new ArrayList<>();
        long done = 0;
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            while (true) {
                int type = data.read();
                if (type < 0) {
                    break;
                }
                long seq = data.readLong();
                if (type == DONE) {
                    done = Math.max(done, seq);
                } else if (type == WRITE) {
                    byte[] bytes = new byte[data.readInt()];
                    data.readFully(bytes);
                    writes.add(deserialize(bytes, file));
                    seqs.add(seq);
                } else {
                    throw new IllegalStateException("attempt journal " + file + " is damaged: unknown frame " + type);
                }
            }
        } catch (EOFException cutShort) {
            // the process died in the middle of a frame: the frames before it are whole
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attempt journal " + file, e);
        }
        List<AttemptWrite> pending = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (seqs.get(i) > done) {
                pending.add(writes.get(i));
            }
        }
        return pending;
    }

    private void writeFully(ByteBuffer frame) {
        try {
            channel.write(frame.array(), 0, frame.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the attempt journal " + file, e);
        }
    }

    private static byte[] serialize(AttemptWrite write) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static AttemptWrite deserialize(byte[] bytes, Path file) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_OURS);
            return (AttemptWrite) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("attempt journal " + file + " holds a write that cannot be read: " + e.getMessage(), e);
        }
    }
}
