package org.talentpipeline.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The API's JSON-B, with numbers read strictly: a value that does not fit its field ({@code 1e10}
 * for an Integer, {@code 1e309} for a Double, {@code 2.5} for a whole number) is refused, never
 * wrapped round or rounded to infinity. JSON-B names the property in its exception, and
 * {@link ApiExceptionMappers} answers 400 naming it.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    /** The largest magnitude a decimal field takes: more digits than any column has is not a value. */
    static final BigDecimal MAX_DECIMAL = new BigDecimal("1e15");

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(
                    new Whole<>(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.class) {
                        @Override
                        Integer of(BigDecimal value) {
                            return value.intValueExact();
                        }
                    },
                    new Whole<>(Long.MIN_VALUE, Long.MAX_VALUE, Long.class) {
                        @Override
                        Long of(BigDecimal value) {
                            return value.longValueExact();
                        }
                    },
                    new FiniteDouble(),
                    new BoundedDecimal()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** The number a value holds: a JSON number, or a string of one (as the default binding allows). */
    static BigDecimal number(JsonParser parser) {
        String text;
        try {
            // a number or a string; anything else (an object, true) has no string and is refused
            text = parser.getString().trim();
        } catch (IllegalStateException e) {
            throw new JsonbException("must be a number");
        }
        if (text.length() > 100) {
            throw new JsonbException("is out of range: '" + text.substring(0, 40) + "...'");
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.precision() - value.scale() > 400 || value.scale() > 400) {
                // 1e999999999: refused before any arithmetic could expand it
                throw new JsonbException("is out of range: '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new JsonbException("must be a number, not '" + text + "'");
        }
    }

    /** A whole number within its type's range. */
    abstract static class Whole<T> implements JsonbDeserializer<T> {

        private final BigDecimal min;
        private final BigDecimal max;
        private final Class<T> type;

        Whole(long min, long max, Class<T> type) {
            this.min = BigDecimal.valueOf(min);
            this.max = BigDecimal.valueOf(max);
            this.type = type;
        }

        abstract T of(BigDecimal value);

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            BigDecimal value = number(parser);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new JsonbException("is out of range: '" + parser.getString() + "' is not between "
                        + min.toPlainString() + " and " + max.toPlainString());
            }
            if (value.stripTrailingZeros().scale() > 0) {
                throw new JsonbException("must be a whole number, not '" + parser.getString() + "'");
            }
            return of(value);
        }

        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    /** A finite double: {@code 1e309} is not infinity. */
    static final class FiniteDouble implements JsonbDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            BigDecimal value = number(parser);
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                throw new JsonbException("is out of range: '" + parser.getString() + "'");
            }
            return d;
        }
    }

    /** A decimal of a size a column can hold. */
    static final class BoundedDecimal implements JsonbDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            BigDecimal value = number(parser);
            if (value.abs().compareTo(MAX_DECIMAL) >= 0 || value.scale() > 12) {
                throw new JsonbException("is out of range: '" + parser.getString() + "'");
            }
            return value;
        }
    }
}
