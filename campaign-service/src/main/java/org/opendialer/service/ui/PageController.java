package org.opendialer.service.ui;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendialer.service.campaign.CampaignForm;
import org.springframework.context.MessageSource;
import org.opendialer.service.user.Role;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages; each renders a shell that the page's script fills from the REST API. */
@Controller
public class PageController {

    private final UserDirectory users;
    private final CampaignRepository campaigns;
    private final MessageSource messages;
    private final ServerMessages serverMessages;

    public PageController(UserDirectory users, CampaignRepository campaigns, MessageSource messages, ServerMessages serverMessages) {
        this.users = users;
        this.campaigns = campaigns;
        this.messages = messages;
        this.serverMessages = serverMessages;
    }

    @ModelAttribute("serverMessages")
    public java.util.List<java.util.List<String>> serverMessages(Locale locale) {
        return serverMessages.catalogue(locale);
    }

    @ModelAttribute("me")
    public UserAccount me(Principal principal) {
        return principal == null ? null : users.byUsername(principal.getName()).orElse(null);
    }

    /** A page about something that is not there is the error page in the user's language, not the API's problem body. */
    @org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
    public org.springframework.web.servlet.ModelAndView notFound() {
        org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("error",
                org.springframework.http.HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** Each role starts where its work is. */
    @GetMapping("/")
    public String home(@ModelAttribute("me") UserAccount me) {
        if (me == null) {
            return "redirect:/login";
        }
        Role role = me.role();
        if (role == Role.AGENT) {
            return "redirect:/agent";
        }
        if (role == Role.ANALYST) {
            return "redirect:/analyst/reports";
        }
        return "redirect:/manager/campaigns";
    }

    @GetMapping("/manager/campaigns")
    public String campaigns() {
        return "manager/campaigns";
    }

    @GetMapping("/manager/campaigns/new")
    public String newCampaign(Model model, Locale locale) {
        return editor(0L, model, locale);
    }

    @GetMapping("/manager/campaigns/{id}/edit")
    public String editCampaign(@PathVariable long id, Model model, Locale locale) {
        campaigns.get(id);
        return editor(id, model, locale);
    }

    private String editor(long id, Model model, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (var field : CampaignForm.class.getRecordComponents()) {
            labels.put(field.getName(), messages.getMessage("field." + field.getName(), null, field.getName(), locale));
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("labels", labels);
        return "manager/campaign";
    }

    @GetMapping("/manager/campaigns/{id}")
    public String dashboard(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        return "manager/dashboard";
    }

    @GetMapping("/manager/import")
    public String upload() {
        return "manager/import";
    }

    @GetMapping("/manager/scripts")
    public String scripts() {
        return "manager/scripts";
    }

    @GetMapping("/manager/scripts/editor")
    public String scriptEditor() {
        return "manager/script-editor";
    }

    @GetMapping("/analyst/recordings")
    public String recordings() {
        return "analyst/recordings";
    }

    @GetMapping("/leads")
    public String leadSearch() {
        return "lead-search";
    }

    @GetMapping("/manager/dispositions")
    public String dispositions() {
        return "manager/dispositions";
    }

    @GetMapping("/manager/holidays")
    public String holidays() {
        return "manager/holidays";
    }

    @GetMapping("/manager/users")
    public String users() {
        return "manager/users";
    }

    @GetMapping("/manager/lists")
    public String lists() {
        return "manager/lists";
    }

    @GetMapping("/manager/dnc")
    public String dnc() {
        return "manager/dnc";
    }

    @GetMapping("/manager/wallboard")
    public String wallboard() {
        return "manager/wallboard";
    }

    @GetMapping("/admin/audit")
    public String audit() {
        return "admin/audit";
    }

    @GetMapping("/agent/callbacks")
    public String callbacks() {
        return "agent/callbacks";
    }

    @GetMapping("/agent")
    public String desktop() {
        return "agent/desktop";
    }

    @GetMapping("/analyst/reports")
    public String reports() {
        return "analyst/reports";
    }

    @GetMapping("/leads/{id}")
    public String lead(@PathVariable long id, Model model, Locale locale) {
        if (id <= 0) {
            throw new NotFoundException("no lead with id " + id);
        }
        model.addAttribute("leadId", id);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("phone_e164", "location", "phone_type", "time_zone", "company", "email", "status", "interest_grade", "interest_score",
                "lost_status", "customer_status", "customer_since", "last_purchase", "churned_at", "attempt_count", "last_disposition")) {
            fields.put(field, messages.getMessage("leadField." + field, null, field, locale));
        }
        model.addAttribute("leadFields", fields);
        return "lead";
    }
}
