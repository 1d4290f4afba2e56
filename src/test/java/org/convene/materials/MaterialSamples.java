package org.convene.materials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each kind, made the way the programs that write them lay them out. */
public final class MaterialSamples {

    private MaterialSamples() {
    }

    public static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    public static byte[] docx() {
        return zip(null, "[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    public static byte[] pptx() {
        return zip(null, "[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/slides/slide1.xml");
    }

    public static byte[] odp() {
        return zip("application/vnd.oasis.opendocument.presentation", "content.xml", "META-INF/manifest.xml");
    }

    /** A ZIP that is none of the documents allowed. */
    public static byte[] plainZip() {
        return zip(null, "notes.txt", "run.exe");
    }

    public static byte[] text() {
        return "Easy read guide\n\nWe will talk about caring at home.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A Windows program: not a kind Convene keeps, whatever its name says. */
    public static byte[] program() {
        return new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    }

    /** @param odfMimetype the OpenDocument type stored first and uncompressed, or null for none */
    private static byte[] zip(String odfMimetype, String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (odfMimetype != null) {
                byte[] type = odfMimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(type.length);
                CRC32 crc = new CRC32();
                crc.update(type);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(type);
                zip.closeEntry();
            }
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("<x>" + name + "</x>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
