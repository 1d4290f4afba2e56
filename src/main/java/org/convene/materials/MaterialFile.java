package org.convene.materials;

import java.util.Objects;

/** A material's file for a download. */
public record MaterialFile(Material material, byte[] bytes) {

    public FileType type() {
        return Objects.requireNonNull(material.fileType(), "only files are downloaded");
    }

    /** The name the download gets (see {@link FileNames#forDownload}). */
    public String downloadName() {
        return FileNames.forDownload(Objects.requireNonNull(material.fileName(), "a file has a name"), type());
    }
}
