package org.opendialer.service.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** What was wrong with a JSON body, by field, in words a client can act on. */
final class JsonBodyProblem {

    private JsonBodyProblem() {
    }

    static FieldError of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return new FieldError("body", "a JSON body is required");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (mapping instanceof InvalidFormatException format) {
                return new FieldError(field, Problems.quote(format.getValue()) + " is not " + kind(format.getTargetType()));
            }
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new FieldError(field, "expected " + kind(mismatch.getTargetType()));
            }
            if (mapping.getCause() instanceof InputCoercionException) {
                return new FieldError(field, "the number is out of range");
            }
            return new FieldError(field, "not a valid value");
        }
        if (cause instanceof InputCoercionException) {
            return new FieldError("body", "a number is out of range" + at(((JsonProcessingException) cause).getLocation()));
        }
        if (cause instanceof JsonProcessingException json && json.getOriginalMessage() != null
                && json.getOriginalMessage().startsWith("Duplicate field '")) {
            String name = json.getOriginalMessage().substring("Duplicate field '".length()).replaceFirst("'.*", "");
            return new FieldError(name, "given more than once");
        }
        if (cause instanceof JsonProcessingException json) {
            return new FieldError("body", "not well-formed JSON" + at(json.getLocation()));
        }
        return new FieldError("body", "the body could not be read as JSON");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A Java type in the words of a JSON client. */
    static String kind(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
