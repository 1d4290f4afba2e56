package org.convene.certificates;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.convene.core.PublicBaseUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificate is tagged PDF/UA in the ways a checker and a screen reader rely on. */
class CertificatePdfTest {

    static final String NAME = "Zoë O'Neil <Sam> & Co";
    static final String TITLE = "Planning care together: \"money\" & <rights>";

    static PDDocument pdf;
    static String code;

    @BeforeAll
    static void render() throws IOException {
        code = CertificateCodes.random();
        Certificate certificate = new Certificate(code, Instant.parse("2031-11-10T12:00:00Z"), 7L, NAME,
                "Care Week 2031", ZoneId.of("Europe/London"), 85, 55,
                List.of(new CertificateLine(TITLE, Instant.parse("2031-11-10T10:00:00Z"),
                        Instant.parse("2031-11-10T11:00:00Z"), 55)));
        byte[] bytes = new CertificatePdf(new PublicBaseUrl("https://convene.example.org")).render(certificate);
        pdf = Loader.loadPDF(bytes);
    }

    @Test
    void it_is_tagged_with_a_structure_tree_and_marked_content() {
        assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
        assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
        assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
    }

    @Test
    void it_says_its_language_and_shows_its_title_instead_of_the_file_name() {
        assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        assertThat(pdf.getDocumentInformation().getTitle())
                .isEqualTo("Certificate of attendance: " + NAME + ", " + TITLE);
        assertThat(pdf.getDocumentCatalog().getViewerPreferences()).isNotNull();
        assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
    }

    @Test
    void its_structure_has_a_first_level_heading_and_a_table_with_header_cells() {
        List<String> types = new ArrayList<>();
        collect(pdf.getDocumentCatalog().getStructureTreeRoot(), types);

        assertThat(types).contains("H1", "H2", "Table", "TR", "TH", "TD");
        assertThat(types.indexOf("H1")).isLessThan(types.indexOf("Table"));
    }

    @Test
    void its_text_is_real_and_holds_the_name_the_session_and_the_verification_address() throws IOException {
        String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");

        assertThat(text).contains(NAME, TITLE, "55 minutes", "Care Week 2031",
                "https://convene.example.org/certificates/" + CertificateCodes.grouped(code),
                CertificateCodes.grouped(code));
    }

    @Test
    void every_font_is_embedded() throws IOException {
        int fonts = 0;
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    private static void collect(PDStructureNode node, List<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                collect(element, types);
            }
        }
    }
}
