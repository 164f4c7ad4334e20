package dev.placemat.workflows.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.config.JsonNumbers;
import dev.placemat.workflows.app.errors.InvalidValueException;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses an API body of free-form JSON (a manual run's data, an event's) that holds a number no one means as a
 * value ({@link JsonNumbers}): 400 naming where it is, before anything is stored. Webhooks check theirs as they read
 * them.
 */
@ControllerAdvice
class JsonBodyNumbers extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        JsonNumbers.tooLong((JsonNode) body, "$").ifPresent(path -> {
            throw new InvalidValueException(path, JsonNumbers.refusal(path));
        });
        return body;
    }
}
