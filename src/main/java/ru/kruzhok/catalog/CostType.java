package ru.kruzhok.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a program is paid for: by the budget, by the social certificate, or by the parents. */
public enum CostType {
    FREE("free", "Бесплатно"),
    CERTIFICATE("certificate", "По сертификату"),
    PAID("paid", "Платно");

    private final String apiName;
    private final String title;

    CostType(String apiName, String title) {
        this.apiName = apiName;
        this.title = title;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    public String title() {
        return title;
    }

    public static Optional<CostType> fromApiName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.apiName.equals(wanted)).findFirst();
    }

    /**
     * Reads the payment column as МОЦ spreadsheets word it: «бесплатно», «муниципальное задание»,
     * «по сертификату», «ПФДО», «платно», «внебюджет», «за счёт родителей»…
     */
    public static Optional<CostType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<CostType> api = fromApiName(value);
        if (api.isPresent()) {
            return api;
        }
        String text = value.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (text.contains("сертификат") || text.contains("пфдо") || text.contains("персонифиц")
                || text.contains("соц. заказ") || text.contains("социальный заказ")) {
            return Optional.of(CERTIFICATE);
        }
        if (text.startsWith("бесплат") || text.contains("бюджет") && !text.contains("внебюджет")
                || text.contains("муниципальн") || text.contains("задани") || text.equals("нет")
                || text.equals("0")) {
            return Optional.of(FREE);
        }
        if (text.startsWith("плат") || text.contains("внебюджет") || text.contains("родител")
                || text.contains("за счет") || text.contains("коммерч") || text.contains("договор")) {
            return Optional.of(PAID);
        }
        return Optional.empty();
    }

    public static String apiNames() {
        return String.join(", ", Arrays.stream(values()).map(CostType::apiName).toList());
    }
}
