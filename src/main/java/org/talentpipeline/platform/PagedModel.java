package org.talentpipeline.platform;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces lazy model that asks a service for one page at a time. Subclasses say how to read a
 * page and how to identify a row; the table never holds more than the page it shows.
 */
public abstract class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Reads one page, given PrimeFaces' sort and filter state. */
    protected abstract Page<T> read(PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy);

    /** The row's key, for selection. */
    protected abstract String keyOf(T row);

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<T> page = read(PageRequest.ofOffset(first, Math.max(1, pageSize)), sortBy, filterBy);
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.items();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        // load() sets the row count from the same query that reads the page
        return getRowCount();
    }

    @Override
    public String getRowKey(T row) {
        return keyOf(row);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null
                ? null
                : rows.stream().filter(r -> keyOf(r).equals(rowKey)).findFirst().orElse(null);
    }

    /** The text a column filter holds, or null when it is empty. */
    protected static String filterText(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy == null ? null : filterBy.get(field);
        if (meta == null || meta.getFilterValue() == null) {
            return null;
        }
        String text = meta.getFilterValue().toString().trim();
        return text.isEmpty() ? null : text;
    }
}
