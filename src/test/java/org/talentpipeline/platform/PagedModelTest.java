package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;

/** A view's lazy table model goes into the session without the rows it shows. */
class PagedModelTest {

    /** A row as the search's: a record, not serializable. */
    record Row(String key) {}

    static final class Rows extends PagedModel<Row> {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<Row> read(PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return new Page<>(List.of(new Row("a"), new Row("b")), 2);
        }

        @Override
        protected String keyOf(Row row) {
            return row.key();
        }
    }

    @Test
    void theRowsShownStayOutOfTheSession() throws Exception {
        Rows model = new Rows();
        model.setPageSize(25);
        model.setWrappedData(model.load(0, 25, Map.of(), Map.of()));
        model.setRowIndex(1);
        assertTrue(model.isRowAvailable());
        assertEquals(new Row("b"), model.getRowData());
        assertEquals(new Row("a"), model.getRowData("a"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        Rows copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Rows) in.readObject();
        }
        // PrimeFaces reads the page again for a model without rows
        assertNull(copy.getWrappedData());
        assertEquals(2, copy.getRowCount());
        // the live model keeps them
        assertEquals(2, model.getWrappedData().size());
    }
}
