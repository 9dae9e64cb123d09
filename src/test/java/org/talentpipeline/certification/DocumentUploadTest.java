package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.talentpipeline.it.Documents;
import org.talentpipeline.platform.BadInput;

/** Uploaded documents are known by their content: PDFs and images pass, a renamed executable does not. */
class DocumentUploadTest {

    static DocumentUpload read(String name, byte[] content) {
        return DocumentUpload.read(name, new ByteArrayInputStream(content));
    }

    @Test
    void aPdfOrImageIsKnownByItsContentWhateverItsName() {
        DocumentUpload pdf = read("C:\\Users\\me\\evidence.bin", Documents.pdf());
        assertEquals(DocumentUpload.Type.PDF, pdf.type());
        assertEquals("evidence.bin", pdf.fileName(), "the client's path is dropped");
        assertEquals(64, pdf.sha256().length());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertEquals("image/png", read("lab.png", png).type().mediaType());
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
        assertEquals(DocumentUpload.Type.JPEG, read("lab.jpg", jpeg).type());
    }

    @Test
    void aRenamedExecutableIsRefused() {
        BadInput e = assertThrows(BadInput.class, () -> read("curriculum.pdf", Documents.executable()));
        assertEquals("file", e.problems().get(0).field());
        assertTrue(e.problems().get(0).message().contains("curriculum.pdf"));
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        assertThrows(BadInput.class, () -> read("photo.png", elf));
        assertThrows(BadInput.class, () -> read("empty.pdf", new byte[0]));
    }

    @Test
    void tenMegabytesAtMost() {
        byte[] limit = new byte[DocumentUpload.MAX_BYTES];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, limit, 0, 8);
        assertEquals(DocumentUpload.MAX_BYTES, read("ok.pdf", limit).content().length);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '%';
            }
        };
        BadInput e = assertThrows(BadInput.class, () -> DocumentUpload.read("huge.pdf", endless));
        assertTrue(e.problems().get(0).message().contains("10 MB"));
        assertThrows(BadInput.class, () -> read(" ", Documents.pdf()), "a file needs a name");
    }
}
