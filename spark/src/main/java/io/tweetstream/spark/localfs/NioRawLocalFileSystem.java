package io.tweetstream.spark.localfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system, with the two calls that fork a process without Hadoop's native
 * library done in Java instead. Without libhadoop (which pip's and Maven's Spark do not ship),
 * {@link RawLocalFileSystem} runs {@code chmod} for every file and directory it creates and
 * {@code readlink} for every file a rename looks at: a checkpoint file written atomically costs
 * ten processes, a micro-batch about seventy, each some 15 ms of a busy 2-core machine. With the
 * native library present, Hadoop's own calls are used.
 */
public class NioRawLocalFileSystem extends RawLocalFileSystem {

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
        if (NativeIO.isAvailable() || permission.getStickyBit()) {
            super.setPermission(path, permission);
            return;
        }
        try {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
        } catch (UnsupportedOperationException notPosix) {
            super.setPermission(path, permission);
        }
    }

    /** A file that is not a symbolic link has its own status; a link keeps Hadoop's handling. */
    @Override
    public FileStatus getFileLinkStatus(Path path) throws IOException {
        if (NativeIO.isAvailable() || Files.isSymbolicLink(pathToFile(path).toPath())) {
            return super.getFileLinkStatus(path);
        }
        return getFileStatus(path);
    }

    /** {@code rwxr-x---} and the like: without the sticky bit, the user's, group's and others' actions. */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        return PosixFilePermissions.fromString(permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
            + permission.getOtherAction().SYMBOL);
    }
}
