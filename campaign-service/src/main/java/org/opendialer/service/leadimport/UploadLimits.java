package org.opendialer.service.leadimport;

import jakarta.servlet.MultipartConfigElement;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Uploads of any realistic lead list: the size limits come from {@code spring.servlet.multipart.*}
 * (application.properties allows 512 MB), the file is streamed to disk past a small threshold, into the
 * dialer's own scratch folder, and a file over the limit gets {@code 413} with a plain message instead of
 * the servlet container's exception text.
 */
@Configuration(proxyBeanMethods = false)
public class UploadLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, BackgroundImports imports) {
        if (multipart.getLocation() == null || multipart.getLocation().isBlank()) {
            multipart.setLocation(imports.folders().scratch().toString());
        }
        return multipart.createMultipartConfig();
    }

    /** Ahead of the general API errors, which would answer 409 with the container's text. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class TooLarge {

        private final MultipartProperties multipart;

        TooLarge(MultipartProperties multipart) {
            this.multipart = multipart;
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
            DataSize limit = multipart.getMaxFileSize();
            DataSize request = multipart.getMaxRequestSize();
            if (request != null && request.toBytes() >= 0 && (limit == null || limit.toBytes() < 0 || request.toBytes() < limit.toBytes())) {
                limit = request;
            }
            String size = limit == null || limit.toBytes() < 0 ? "" : " of " + readable(limit);
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Map.of("error", "the file is larger than the upload limit" + size + "; split the list, or ask "
                            + "the administrator to raise the limit"));
        }

        private static String readable(DataSize size) {
            long bytes = size.toBytes();
            if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
                return bytes / (1 << 20) + " MB";
            }
            if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
                return bytes / (1 << 10) + " KB";
            }
            return bytes + " bytes";
        }
    }
}
