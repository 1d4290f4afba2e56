package org.convene.materials;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a file's type from its bytes. A name or a browser's content type is only a claim, and a file served with
 * the wrong type can run as a web page in Convene's origin; so only these types are kept, each recognised by its
 * own signature. The ZIP-based formats (Word, PowerPoint, OpenDocument) are told apart by the names in the
 * archive's directory, read without unpacking anything, so a crafted archive cannot make this slow.
 */
public final class FileSniffer {

    /** More entries than any real document has; stops a crafted directory from being walked for long. */
    private static final int MAX_ZIP_ENTRIES = 20_000;

    private FileSniffer() {
    }

    public static Optional<FileType> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, "%PDF-")) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(bytes, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(bytes, 0, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(bytes, 0, "GIF87a") || startsWith(bytes, 0, "GIF89a")) {
            return Optional.of(FileType.GIF);
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
            return Optional.of(FileType.WEBP);
        }
        if (startsWith(bytes, 0, new byte[]{'P', 'K', 3, 4})) {
            return zipBased(bytes);
        }
        return isPlainText(bytes) ? Optional.of(FileType.TEXT) : Optional.empty();
    }

    /**
     * OpenDocument puts an uncompressed entry "mimetype" first, holding its type; Word and PowerPoint files have
     * "[Content_Types].xml" and their main part ("word/document.xml", "ppt/presentation.xml").
     */
    private static Optional<FileType> zipBased(byte[] bytes) {
        if (bytes.length >= 38 && startsWith(bytes, 30, "mimetype") && le16(bytes, 26) == 8 && le16(bytes, 8) == 0) {
            int start = 30 + 8 + le16(bytes, 28);
            int length = (int) Math.min(le32(bytes, 18), 100);
            if (length >= 0 && start + length <= bytes.length) {
                String mimetype = new String(bytes, start, length, StandardCharsets.US_ASCII);
                for (FileType type : new FileType[]{FileType.ODT, FileType.ODP, FileType.ODS}) {
                    if (mimetype.equals(type.mediaType())) {
                        return Optional.of(type);
                    }
                }
            }
            return Optional.empty();
        }
        Set<String> names = centralDirectoryNames(bytes);
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(FileType.DOCX);
        }
        if (names.contains("ppt/presentation.xml")) {
            return Optional.of(FileType.PPTX);
        }
        return Optional.empty();
    }

    /** The entry names listed at the end of a ZIP archive; empty when there is no readable directory. */
    private static Set<String> centralDirectoryNames(byte[] bytes) {
        Set<String> names = new HashSet<>();
        int end = -1;
        // the end record is 22 bytes plus a comment of at most 65,535
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
            if (startsWith(bytes, i, new byte[]{'P', 'K', 5, 6})) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int count = le16(bytes, end + 10);
        long offset = le32(bytes, end + 16);
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < Math.min(count, MAX_ZIP_ENTRIES); n++) {
            if (at < 0 || at + 46 > bytes.length || !startsWith(bytes, at, new byte[]{'P', 'K', 1, 2})) {
                break;
            }
            int nameLength = le16(bytes, at + 28);
            int extraLength = le16(bytes, at + 30);
            int commentLength = le16(bytes, at + 32);
            if (at + 46 + nameLength > bytes.length) {
                break;
            }
            names.add(new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    /** UTF-8 (a byte order mark allowed) with no control characters but tab, line breaks and form feed. */
    private static boolean isPlainText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                || c == 0x7F || (c >= 0x80 && c <= 0x9F));
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        return startsWith(bytes, offset, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int le16(byte[] bytes, int at) {
        if (at < 0 || at + 2 > bytes.length) {
            return -1;
        }
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static long le32(byte[] bytes, int at) {
        if (at < 0 || at + 4 > bytes.length) {
            return -1;
        }
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }
}
