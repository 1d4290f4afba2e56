package org.convene.materials;

import org.jspecify.annotations.Nullable;

/**
 * What a host sends to add a material, in the order of the form. At most one of file and web address is given
 * (neither: a file was to be uploaded, but none came).
 *
 * @param kind null when none was chosen (refused with a message)
 */
public record MaterialDraft(@Nullable MaterialKind kind, @Nullable String title, Publication publication,
                            @Nullable UploadedFile file, @Nullable String webAddress) {

    /** The field names of {@code core.SaveResult.Invalid}'s messages, in form order. */
    public static final String KIND = "kind";
    public static final String TITLE = "title";
    public static final String FILE = "file";
    public static final String WEB_ADDRESS = "webAddress";

    public static MaterialDraft file(@Nullable MaterialKind kind, @Nullable String title, Publication publication,
                                     UploadedFile file) {
        return new MaterialDraft(kind, title, publication, file, null);
    }

    /** The host chose to upload a file but none has arrived: refused with a message on the file field. */
    public static MaterialDraft noFileYet(@Nullable MaterialKind kind, @Nullable String title,
                                          Publication publication) {
        return new MaterialDraft(kind, title, publication, null, null);
    }

    public static MaterialDraft link(@Nullable MaterialKind kind, @Nullable String title, Publication publication,
                                     @Nullable String webAddress) {
        return new MaterialDraft(kind, title, publication, null, webAddress == null ? "" : webAddress);
    }

    /**
     * A file as it arrived: the name the browser sent and the bytes read, at most one more than the cap, so the
     * service can tell a file that is too large.
     */
    public record UploadedFile(String name, byte[] bytes) {
    }
}
