package org.convene.materials;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Session materials settings (convene.materials.*).
 *
 * @param maxFileSize the largest file a host may upload (default 20 MB): enough for a long slide deck with
 *                    pictures; files are kept in the database, so this bounds what one upload adds to it
 */
@ConfigurationProperties("convene.materials")
public record MaterialsProperties(@Nullable DataSize maxFileSize) {

    public static final DataSize DEFAULT_MAX_FILE_SIZE = DataSize.ofMegabytes(20);

    /** The cap in bytes; at most what an int can count, as the upload component takes an int. */
    public int maxBytes() {
        DataSize size = maxFileSize == null ? DEFAULT_MAX_FILE_SIZE : maxFileSize;
        return (int) Math.min(Integer.MAX_VALUE - 1, size.toBytes());
    }
}
