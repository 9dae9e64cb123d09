package org.talentpipeline.certification;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A document a school uploaded for a criterion: a PDF or an image whose type was read from its
 * content, kept in the database (every node of a cluster serves it) with its SHA-256.
 */
@Entity
@Table(name = "certification_document")
public class EvidenceDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_document_seq")
    @SequenceGenerator(
            name = "certification_document_seq",
            sequenceName = "certification_document_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    protected EvidenceDocument() {}

    EvidenceDocument(Evidence evidence, DocumentUpload upload, String actor, Instant now) {
        this.evidence = evidence;
        this.fileName = upload.fileName();
        this.contentType = upload.type().mediaType();
        this.size = upload.content().length;
        this.sha256 = upload.sha256();
        this.content = upload.content();
        this.uploadedBy = actor;
        this.uploadedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Evidence getEvidence() {
        return evidence;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }
}
