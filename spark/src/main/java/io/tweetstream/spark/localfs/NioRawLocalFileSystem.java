package io.tweetstream.spark.localfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
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

    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> posix = EnumSet.noneOf(PosixFilePermission.class);
        add(posix, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
        add(posix, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE);
        add(posix, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);
        return posix;
    }

    private static void add(Set<PosixFilePermission> posix, FsAction action, PosixFilePermission read,
            PosixFilePermission write, PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            posix.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            posix.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            posix.add(execute);
        }
    }
}
