package vn.motcua.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import vn.motcua.platform.text.ControlCharacters;

/**
 * Every string read from JSON is refused when it holds a control character ({@link ControlCharacters}): the request is
 * answered 400 with the field named ({@code ApiProblems}), never a database fault. Form and query parameters are
 * checked by {@link RequestBounds}.
 */
@Configuration(proxyBeanMethods = false)
class TextInput {

    @Bean
    JacksonModule controlCharactersRefused() {
        return new SimpleModule("motcua-text-input").addDeserializer(String.class, new ControlFreeStrings());
    }

    static final class ControlFreeStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            int bad = value == null ? -1 : ControlCharacters.firstForbidden(value);
            if (bad >= 0) {
                throw InvalidFormatException.from(p, "có ký tự điều khiển " + ControlCharacters.describe(value, bad)
                        + " ở vị trí " + (bad + 1) + ", không được phép trong văn bản", value, String.class);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
