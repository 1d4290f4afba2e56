package org.convene.materials;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A file's name and size as people read them, and as a download may safely carry them. */
public final class FileNames {

    private FileNames() {
    }

    /**
     * The name a download gets: the uploaded name without any folder, with only letters, digits, spaces and
     * {@code . - _ ( )} (anything else becomes "-"), shortened, and always ending in the type's own extension,
     * so a file saved from Convene opens in the program that suits what it really is.
     */
    public static String forDownload(String originalName, FileType type) {
        String base = originalName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        StringBuilder safe = new StringBuilder();
        base.codePoints().forEach(c -> safe.appendCodePoint(
                Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '(' || c == ')' || c == '.'
                        ? c : '-'));
        String cleaned = safe.toString().replaceAll("-{2,}", "-").strip().replaceAll("^[.\\-]+", "");
        if (cleaned.isEmpty()) {
            cleaned = "material";
        }
        int room = 100 - type.extension().length() - 1;
        if (cleaned.codePointCount(0, cleaned.length()) > room) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, room)).strip();
        }
        return cleaned + "." + type.extension();
    }

    /** What the stored original name keeps: the part after any folder, within the limit. */
    public static String stored(String originalName) {
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        StringBuilder kept = new StringBuilder();
        // control characters and lone halves of a character pair cannot be stored (core.TextRule)
        name.codePoints().filter(c -> !Character.isISOControl(c) && !(c >= 0xD800 && c <= 0xDFFF))
                .forEach(kept::appendCodePoint);
        name = kept.toString();
        if (name.isEmpty()) {
            return "file";
        }
        int extra = name.codePointCount(0, name.length()) - MaterialLimits.FILE_NAME_MAX;
        return extra > 0 ? name.substring(name.offsetByCodePoints(0, extra)) : name;
    }

    /**
     * "12 bytes", "350 KB", "2.1 MB": one decimal under 10, in units of 1,024 as Windows shows them and as
     * Spring reads a setting like "20MB", so the cap reads as it was set.
     */
    public static String sizeInWords(long bytes) {
        if (bytes < 1_024) {
            return String.format(Locale.UK, "%,d", bytes) + (bytes == 1 ? " byte" : " bytes");
        }
        double kb = bytes / 1_024.0;
        if (kb < 1_023.5) {
            return number(kb) + " KB";
        }
        return number(kb / 1_024.0) + " MB";
    }

    /** "PDF, 2.1 MB". */
    public static String typeAndSize(FileType type, long bytes) {
        return type.label() + ", " + sizeInWords(bytes);
    }

    private static String number(double value) {
        DecimalFormat format = new DecimalFormat(value < 9.95 ? "0.#" : "#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(value);
    }
}
