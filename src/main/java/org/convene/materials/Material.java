package org.convene.materials;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A session's material as the pages and messages show it: a file kept in Convene (type, size and the name it
 * was uploaded with) or a web address.
 *
 * @param publishAt when attendees may see it; null for a hidden draft
 */
public record Material(long id, long sessionId, MaterialKind kind, String title, @Nullable String webAddress,
                       @Nullable FileType fileType, long fileSize, @Nullable String fileName,
                       Publication publication, @Nullable Instant publishAt) {

    /** Where Convene serves a file: relative, for pages; {@code core.PublicBaseUrl.link} makes it absolute. */
    public static String filePath(long materialId) {
        return "/materials/" + materialId + "/file";
    }

    public boolean isFile() {
        return fileType != null;
    }

    public boolean publishedAt(Instant now) {
        return publishAt != null && !publishAt.isAfter(now);
    }

    /**
     * Where a link to it goes: the web address, or Convene's download path (starting with "/"). A page's
     * router link drops the slash; an email makes it absolute with {@code PublicBaseUrl.link(material.href())}.
     */
    public String href() {
        return webAddress != null ? webAddress : filePath(id);
    }

    /** "PDF, 2.1 MB", or "Web page" for an address. */
    public String formatInWords() {
        FileType type = fileType;
        return type == null ? "Web page" : FileNames.typeAndSize(type, fileSize);
    }
}
