package org.talentpipeline.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the size of the whole list: the shape of every list in the API. */
public record Page<T>(List<T> items, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total);
    }
}
