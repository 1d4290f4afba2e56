package org.convene.materials;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FileSnifferTest {

    @Test
    void each_allowed_kind_is_recognised_from_its_bytes() {
        assertThat(FileSniffer.sniff(MaterialSamples.pdf())).contains(FileType.PDF);
        assertThat(FileSniffer.sniff(MaterialSamples.png())).contains(FileType.PNG);
        assertThat(FileSniffer.sniff(MaterialSamples.docx())).contains(FileType.DOCX);
        assertThat(FileSniffer.sniff(MaterialSamples.pptx())).contains(FileType.PPTX);
        assertThat(FileSniffer.sniff(MaterialSamples.odp())).contains(FileType.ODP);
        assertThat(FileSniffer.sniff(MaterialSamples.text())).contains(FileType.TEXT);
        assertThat(FileSniffer.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(FileType.JPEG);
        assertThat(FileSniffer.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(FileType.GIF);
        assertThat(FileSniffer.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(FileType.WEBP);
    }

    @Test
    void programs_other_archives_binary_data_and_empty_files_are_not_recognised() {
        assertThat(FileSniffer.sniff(MaterialSamples.program())).isEmpty();
        assertThat(FileSniffer.sniff(MaterialSamples.plainZip())).isEmpty();
        assertThat(FileSniffer.sniff(new byte[]{'a', 0, 'b'})).isEmpty();
        assertThat(FileSniffer.sniff(new byte[]{(byte) 0xC3, (byte) 0x28})).isEmpty();
        assertThat(FileSniffer.sniff(new byte[0])).isEmpty();
    }

    @Test
    void a_truncated_or_crafted_archive_is_refused_without_failing() {
        byte[] docx = MaterialSamples.docx();
        for (int length = 0; length < docx.length; length += 7) {
            byte[] cut = java.util.Arrays.copyOf(docx, length);
            assertThat(FileSniffer.sniff(cut)).isIn(Optional.empty(), Optional.of(FileType.DOCX), Optional.of(FileType.TEXT));
        }
        byte[] header = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0x7F, 0, 0, 0, 0, 8, 0, 0, 0, 'm', 'i', 'm', 'e', 't', 'y', 'p', 'e'};
        assertThat(FileSniffer.sniff(header)).isEmpty();
    }

    @Test
    void sizes_and_download_names_read_plainly_and_safely() {
        assertThat(FileNames.sizeInWords(1)).isEqualTo("1 byte");
        assertThat(FileNames.sizeInWords(1_023)).isEqualTo("1,023 bytes");
        assertThat(FileNames.sizeInWords(1_536)).isEqualTo("1.5 KB");
        assertThat(FileNames.sizeInWords(350 * 1_024)).isEqualTo("350 KB");
        assertThat(FileNames.sizeInWords(2_202_010)).isEqualTo("2.1 MB");
        assertThat(FileNames.sizeInWords(20 * 1_048_576)).isEqualTo("20 MB");
        assertThat(FileNames.typeAndSize(FileType.PDF, 2_202_010)).isEqualTo("PDF, 2.1 MB");

        assertThat(FileNames.forDownload("Caring at home (v2).pdf", FileType.PDF)).isEqualTo("Caring at home (v2).pdf");
        assertThat(FileNames.forDownload("..\\..\\evil\"name;.html", FileType.TEXT)).isEqualTo("evil-name-.txt");
        assertThat(FileNames.forDownload("slides.docx", FileType.PDF)).isEqualTo("slides.pdf");
        assertThat(FileNames.forDownload("\r\n.pdf", FileType.PDF)).isEqualTo("material.pdf");
        assertThat(FileNames.forDownload("a".repeat(300) + ".pptx", FileType.PPTX)).hasSize(100).endsWith(".pptx");
        assertThat(FileNames.stored("C:\\Users\\me\\Slides\u0000.pdf")).isEqualTo("Slides.pdf");
    }
}
