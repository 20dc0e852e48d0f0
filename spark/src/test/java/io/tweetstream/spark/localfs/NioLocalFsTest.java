package io.tweetstream.spark.localfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;
import org.apache.spark.sql.execution.streaming.checkpointing.CheckpointFileManager;
import org.apache.spark.sql.execution.streaming.checkpointing.CheckpointFileManager$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local file system of this package through the APIs Spark's checkpoint uses: what it writes
 * is what Hadoop's own would write (contents, checksums, permissions, atomic overwrite), and it
 * starts no process, where Hadoop's starts several for each file. Processes are counted by a JFR
 * recording of this JVM ({@code jdk.ProcessStart}).
 */
class NioLocalFsTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void checkpointFilesAreWrittenAtomicallyWithoutStartingAProcess() throws Exception {
        Path checkpoint = new Path(dir.toUri().toString(), "checkpoint");
        List<String> started = processesStartedBy(() -> writeTwice(checkpoint, nioConf()));

        assertThat(started).isEmpty();
        assertThat(Files.readString(dir.resolve("checkpoint/offsets/0"))).isEqualTo("second");
        assertThat(dir.resolve("checkpoint/offsets/.0.crc")).exists();
        try (var files = Files.list(dir.resolve("checkpoint/offsets"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("0", ".0.crc");
        }
    }

    /** The control: the same writes through Hadoop's own local file system do start processes. */
    @Test
    void hadoopsOwnLocalFileSystemStartsProcessesWithoutItsNativeLibrary() throws Exception {
        assumeFalse(NativeIO.isAvailable(), "Hadoop's native library is loaded: it forks nothing either");
        Path checkpoint = new Path(dir.toUri().toString(), "checkpoint");
        Configuration stock = new Configuration();
        stock.setBoolean("fs.file.impl.disable.cache", true);

        assertThat(processesStartedBy(() -> writeTwice(checkpoint, stock))).isNotEmpty();
    }

    @Test
    void permissionsAreSetAsHadoopsWouldSetThem() throws Exception {
        FileContext files = FileContext.getFileContext(dir.toUri(), nioConf());
        Path directory = new Path(dir.toUri().toString(), "state");
        files.mkdir(directory, new FsPermission((short) 0750), true);
        Path file = new Path(directory, "data");
        try (FSDataOutputStream out = files.create(file, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE),
                org.apache.hadoop.fs.Options.CreateOpts.perms(new FsPermission((short) 0640)))) {
            out.write(1);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))))
            .isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state/data"))))
            .isEqualTo("rw-r-----");
        assertThat(files.getFileStatus(file).getPermission()).isEqualTo(new FsPermission((short) 0640));
    }

    @Test
    void aSymbolicLinkIsReportedAsOne() throws Exception {
        Files.writeString(dir.resolve("target"), "x");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target"));
        FileSystem files = FileSystem.newInstance(dir.toUri(), nioConf());

        FileStatus link = files.getFileLinkStatus(new Path(dir.resolve("link").toString()));
        FileStatus target = files.getFileLinkStatus(new Path(dir.resolve("target").toString()));

        assertThat(files).isInstanceOf(NioLocalFileSystem.class);
        assertThat(target.isSymlink()).isFalse();
        assertThat(target.getLen()).isEqualTo(1);
        assertThat(link.isSymlink()).isTrue();
    }

    /** A checkpoint file written, then overwritten, as Spark writes its offsets and state files. */
    private static void writeTwice(Path checkpoint, Configuration conf) throws IOException {
        CheckpointFileManager manager = CheckpointFileManager$.MODULE$.create(checkpoint, conf);
        Path offsets = new Path(checkpoint, "offsets");
        manager.mkdirs(offsets);
        for (String content : List.of("first", "second")) {
            CheckpointFileManager.CancellableFSDataOutputStream out =
                manager.createAtomic(new Path(offsets, "0"), true);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.close();
        }
    }

    /** A Hadoop configuration as the job's session gives it (spark.hadoop.* without the prefix). */
    private static Configuration nioConf() {
        Configuration conf = new Configuration();
        for (Map.Entry<String, String> entry : NioLocalFileSystem.SPARK_CONF.entrySet()) {
            conf.set(entry.getKey().substring("spark.hadoop.".length()), entry.getValue());
        }
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    private interface FileWork {
        void run() throws IOException;
    }

    /** The command lines of the processes this JVM started while the work ran. */
    private List<String> processesStartedBy(FileWork work) throws Exception {
        java.nio.file.Path events = dir.resolve("processes.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ProcessStart");
            recording.start();
            work.run();
            recording.stop();
            recording.dump(events);
        }
        return RecordingFile.readAllEvents(events).stream()
            .filter(event -> event.getEventType().getName().equals("jdk.ProcessStart"))
            .map(event -> event.getString("command"))
            .toList();
    }
}
