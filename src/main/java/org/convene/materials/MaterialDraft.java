package org.convene.materials;

import org.jspecify.annotations.Nullable;

/**
 * What a host sends to add a material, in the order of the form. Exactly one of file and web address is given.
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
