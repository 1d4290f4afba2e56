package org.convene.materials;

/**
 * The kinds of file a host may upload, as found from the file's own bytes ({@link FileSniffer}), never from its
 * name or from what the browser claimed. The type decides how a download is served: its content type and the
 * file name's ending. Stored by name: renaming a constant needs a migration.
 */
public enum FileType {
    PDF("PDF", "application/pdf", "pdf"),
    DOCX("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PPTX("PowerPoint slides", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ODT("OpenDocument text", "application/vnd.oasis.opendocument.text", "odt"),
    ODP("OpenDocument slides", "application/vnd.oasis.opendocument.presentation", "odp"),
    ODS("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", "ods"),
    TEXT("Plain text", "text/plain;charset=UTF-8", "txt"),
    PNG("PNG picture", "image/png", "png"),
    JPEG("JPEG picture", "image/jpeg", "jpg"),
    GIF("GIF picture", "image/gif", "gif"),
    WEBP("WebP picture", "image/webp", "webp");

    /** What a person reads: "PDF, 2.1 MB". */
    private final String label;
    private final String mediaType;
    private final String extension;

    FileType(String label, String mediaType, String extension) {
        this.label = label;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Without the dot. */
    public String extension() {
        return extension;
    }

    /** The kinds in words, for a hint beside the upload and the message for a refused file. */
    public static String allowedInWords() {
        return "PDF, Word (.docx), PowerPoint (.pptx), OpenDocument (.odt, .odp, .ods), plain text (.txt) "
                + "or a picture (PNG, JPEG, GIF, WebP)";
    }
}
