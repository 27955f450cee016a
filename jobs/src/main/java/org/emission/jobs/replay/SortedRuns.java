package org.emission.jobs.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external merge sort, so that a replay's CSV files take memory independent of their size: the
 * rows of one file as sorted runs on disk plus the rows still in memory. The runs have levels: a
 * new run is level 0, and {@code mergeWidth} runs of one level are merged into one of the next, so
 * the count of runs grows with the logarithm of the rows only.
 */
final class SortedRuns<T> {
  private static final Logger LOG = LoggerFactory.getLogger(SortedRuns.class);

  private final RowKind<T> kind;
  private final RunDirectory directory;
  private final int runRows;
  private final int mergeWidth;
  private final List<T> memory = new ArrayList<>();
  // oldest first: levels never increase along the list, so runs of one level are adjacent
  private final List<RunFile> runs = new ArrayList<>();

  SortedRuns(RowKind<T> kind, RunDirectory directory, int runRows, int mergeWidth) {
    this.kind = kind;
    this.directory = directory;
    this.runRows = runRows;
    this.mergeWidth = mergeWidth;
  }

  /** How the rows are ordered, kept and written. */
  RowKind<T> kind() {
    return kind;
  }

  void add(T row) throws IOException {
    memory.add(row);
    if (memory.size() >= runRows) {
      runs.add(RunFile.write(directory.newFile(), 0, kind, kind.reduce(sortedMemory())));
      memory.clear();
      while (lastLevelFull()) {
        mergeLastLevel();
      }
    }
  }

  /** All rows, sorted and reduced; the caller closes the cursor. */
  Cursor<T> sorted() throws IOException {
    return merge(runs, sortedMemory());
  }

  void clear() {
    memory.clear();
    runs.clear();
  }

  private Cursor<T> sortedMemory() {
    memory.sort(kind.order());
    Iterator<T> rows = memory.iterator();
    return () -> rows.hasNext() ? rows.next() : null;
  }

  private boolean lastLevelFull() {
    int n = runs.size();
    return n >= mergeWidth && runs.get(n - mergeWidth).level() == runs.get(n - 1).level();
  }

  private void mergeLastLevel() throws IOException {
    List<RunFile> level = runs.subList(runs.size() - mergeWidth, runs.size());
    Path path = directory.newFile();
    RunFile merged = RunFile.write(path, level.get(0).level() + 1, kind, merge(level, null));
    for (RunFile run : level) {
      Files.delete(run.path());
    }
    level.clear();
    runs.add(merged);
  }

  /** The k-way merge of the runs and, unless null, the sorted rows in memory, reduced. */
  private Cursor<T> merge(List<RunFile> files, Cursor<T> inMemory) throws IOException {
    List<Cursor<T>> sources = new ArrayList<>(files.size() + 1);
    try {
      for (RunFile file : files) {
        sources.add(file.open(kind));
      }
      if (inMemory != null) {
        sources.add(inMemory);
      }
      return kind.reduce(new Merge<>(sources, kind.order()));
    } catch (IOException | RuntimeException e) {
      try {
        closeAll(sources);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** A sorted sequence of rows read one at a time. */
  interface Cursor<T> extends Closeable {
    /** The next row, or null after the last. */
    T next() throws IOException;

    @Override
    default void close() throws IOException {}
  }

  /** How the rows of one kind are ordered, reduced, kept in a run file and written as CSV. */
  interface RowKind<T> {
    /** A total order: the arrival breaks every tie. */
    Comparator<T> order();

    /** The rows of a sorted sequence that belong in the file. */
    Cursor<T> reduce(Cursor<T> sorted);

    void write(DataOutputStream out, T row) throws IOException;

    T read(DataInputStream in) throws IOException;

    String line(T row);
  }

  /** A sorted run on disk: the rows, each as {@link RowKind#write} wrote it. */
  record RunFile(Path path, int level, long rows) {
    private static final int BUFFER_BYTES = 64 * 1024;

    /** Writes the rows and closes them. */
    static <T> RunFile write(Path path, int level, RowKind<T> kind, Cursor<T> rows)
        throws IOException {
      long count = 0;
      try (rows;
          DataOutputStream out =
              new DataOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES))) {
        for (T row = rows.next(); row != null; row = rows.next()) {
          kind.write(out, row);
          count++;
        }
      }
      return new RunFile(path, level, count);
    }

    <T> Cursor<T> open(RowKind<T> kind) throws IOException {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER_BYTES));
      return new Cursor<>() {
        private long remaining = rows;

        @Override
        public T next() throws IOException {
          if (remaining == 0) {
            return null;
          }
          remaining--;
          return kind.read(in);
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }
  }

  /** The rows of sorted sources as one sorted sequence; closing it closes the sources. */
  static final class Merge<T> implements Cursor<T> {
    record Head<T>(T row, Cursor<T> source) {}

    private final List<Cursor<T>> sources;
    private final PriorityQueue<Head<T>> heads;

    Merge(List<Cursor<T>> sources, Comparator<T> order) throws IOException {
      this.sources = sources;
      this.heads =
          new PriorityQueue<>(
              Math.max(1, sources.size()), (a, b) -> order.compare(a.row(), b.row()));
      for (Cursor<T> source : sources) {
        advance(source);
      }
    }

    @Override
    public T next() throws IOException {
      Head<T> head = heads.poll();
      if (head == null) {
        return null;
      }
      advance(head.source());
      return head.row();
    }

    private void advance(Cursor<T> source) throws IOException {
      T row = source.next();
      if (row != null) {
        heads.add(new Head<>(row, source));
      }
    }

    @Override
    public void close() throws IOException {
      closeAll(sources);
    }
  }

  /** Closes each, also when one fails; throws the first failure with the others suppressed. */
  static void closeAll(List<? extends Closeable> all) throws IOException {
    IOException failure = null;
    for (Closeable c : all) {
      try {
        c.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The temporary directory of the run files, made with the first of them. */
  static final class RunDirectory {
    private final Path parent;
    private Path dir;
    private long files;

    RunDirectory(Path parent) {
      this.parent = parent;
    }

    Path newFile() throws IOException {
      if (dir == null) {
        dir =
            parent == null
                ? Files.createTempDirectory("emission-replay-")
                : Files.createTempDirectory(parent, "emission-replay-");
      }
      return dir.resolve("run-" + files++);
    }

    /**
     * Deletes the directory and its files; a failure is only logged, as no result depends on it.
     */
    void delete() {
      if (dir == null) {
        return;
      }
      try {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(dir)) {
          for (Path run : runs) {
            Files.deleteIfExists(run);
          }
        }
        Files.deleteIfExists(dir);
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot delete the replay's temporary files in {}", dir, e);
      }
      dir = null;
    }
  }
}
