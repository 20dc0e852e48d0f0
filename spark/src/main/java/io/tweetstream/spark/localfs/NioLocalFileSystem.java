package io.tweetstream.spark.localfs;

import java.util.Map;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Hadoop's checksummed local {@code FileSystem} ({@code fs.file.impl}) over
 * {@link NioRawLocalFileSystem}: what Spark reads and lists through Hadoop's FileSystem API.
 */
public class NioLocalFileSystem extends LocalFileSystem {

    /** The Spark settings that make {@code file:} paths use this package, for both Hadoop APIs. */
    public static final Map<String, String> SPARK_CONF = Map.of(
        "spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName(),
        "spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName());

    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }
}
