package org.opendialer.service.campaign;

import java.util.ArrayList;
import java.util.List;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;

/**
 * What a campaign's own recordings say: {@code safeHarbour} to a live callee no agent could take in time,
 * {@code message} on an answering machine. Null (or blank) leaves the sounds folder's shared recording in use.
 */
public record CampaignPrompts(String safeHarbour, String message) {

    public static final int MAX_LENGTH = 1000;

    public CampaignPrompts {
        List<FieldError> errors = new ArrayList<>();
        safeHarbour = checked("safeHarbour", safeHarbour, errors);
        message = checked("message", message, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static String checked(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            errors.add(new FieldError(field, "at most " + MAX_LENGTH + " characters (it has " + trimmed.length() + ")"));
        } else if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(new FieldError(field, "plain words only: no tabs or control characters"));
        } else if (trimmed.chars().noneMatch(Character::isLetter)) {
            errors.add(new FieldError(field, "needs words to speak"));
        }
        return trimmed;
    }
}
