package ru.kruzhok.catalog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A deterministic generator of realistic synthetic catalogs in the documented import layout: the
 * bundled sample (src/main/resources/catalog/sample-catalog.csv, checked by SampleCatalogFileTest)
 * and the 100,000 programs of the search benchmark. Same seed, same file, byte for byte.
 */
public final class CatalogGenerator {

    public static final List<String> HEADERS = List.of("ID", "Название", "Описание", "Организация", "Адрес",
            "Район", "Телефон", "Муниципалитет", "Направленность", "Возраст от", "Возраст до", "Формат", "Оплата",
            "Стоимость", "Расписание", "Мест всего", "Мест свободно", "Педагог", "Ссылка", "ОВЗ");

    /** Size and seed of the bundled sample. */
    public static final int SAMPLE_SIZE = 360;
    public static final long SAMPLE_SEED = 2026;

    private enum Kind { DDT, CVR, DUSSH, SUT, SUN, SCHOOL, PRIVATE_TECH, PRIVATE_ARTS, SPORT_CLUB, TOURISM, CULTURE }

    private record Org(String municipality, String name, String address, String district, String phone, Kind kind,
                       List<String> directions) {
    }

    private record Template(String direction, String title, String description, int minAge, int maxAge) {
    }

    private static final List<Org> ORGS = List.of(
            org("tsentr", "МБУ ДО «Дом детского творчества»", "ул. Ленина, 12", "Центральный", "+7 (900) 110-11-01",
                    Kind.DDT, "technical", "science", "arts", "social", "tourism"),
            org("tsentr", "МБУ ДО «Центр внешкольной работы «Радуга»", "ул. Северная, 7", "Северный",
                    "+7 (900) 110-11-02", Kind.CVR, "arts", "social", "science", "technical"),
            org("tsentr", "МБУ ДО «Детско-юношеская спортивная школа № 1»", "ул. Спортивная, 3", "Южный",
                    "+7 (900) 110-11-03", Kind.DUSSH, "sports"),
            org("tsentr", "МБУ ДО «Станция юных техников»", "пр. Мира, 25", "Центральный", "+7 (900) 110-11-04",
                    Kind.SUT, "technical"),
            org("tsentr", "МБУ ДО «Станция юных натуралистов»", "ул. Садовая, 40", "Северный", "+7 (900) 110-11-05",
                    Kind.SUN, "science", "tourism"),
            org("tsentr", "МАОУ «Гимназия № 2»", "ул. Пушкина, 9", "Центральный", "+7 (900) 110-11-06",
                    Kind.SCHOOL, "science", "social", "technical", "arts"),
            org("tsentr", "МБОУ «СОШ № 5»", "ул. Молодёжная, 14", "Южный", "+7 (900) 110-11-07",
                    Kind.SCHOOL, "sports", "social", "tourism", "arts"),
            org("tsentr", "ЧУ ДО «Робошкола»", "ул. Ленина, 48, офис 3", "Центральный", "+7 (900) 110-11-08",
                    Kind.PRIVATE_TECH, "technical"),
            org("tsentr", "Спортивный клуб «Олимп»", "ул. Южная, 2", "Южный", "+7 (900) 110-11-09",
                    Kind.SPORT_CLUB, "sports"),
            org("tsentr", "МБУ ДО «Центр детско-юношеского туризма и экскурсий»", "ул. Речная, 5", "Северный",
                    "+7 (900) 110-11-10", Kind.TOURISM, "tourism", "sports"),
            org("tsentr", "Студия развития «Акварель»", "ул. Гагарина, 21", "Северный", "+7 (900) 110-11-11",
                    Kind.PRIVATE_ARTS, "arts", "social"),
            org("tsentr", "МБУ ДО «Детская школа искусств № 1»", "ул. Театральная, 1", "Центральный",
                    "+7 (900) 110-11-12", Kind.CULTURE, "arts"),
            org("zarechny", "МБУ ДО «Центр внешкольной работы» Заречного округа", "с. Заречное, ул. Школьная, 3",
                    "Заречное", "+7 (900) 220-22-01", Kind.CVR, "technical", "arts", "social", "science", "tourism"),
            org("zarechny", "МБУ ДО «ДЮСШ «Старт»", "с. Заречное, ул. Советская, 18", "Заречное",
                    "+7 (900) 220-22-02", Kind.DUSSH, "sports"),
            org("zarechny", "МБОУ «Луговская СОШ» (центр «Точка роста»)", "с. Луговое, ул. Центральная, 1",
                    "Луговое", "+7 (900) 220-22-03", Kind.SCHOOL, "technical", "science", "sports", "social"),
            org("zarechny", "МБОУ «Сосновская ООШ»", "д. Сосновка, ул. Лесная, 6", "Сосновка", "+7 (900) 220-22-04",
                    Kind.SCHOOL, "tourism", "sports", "arts", "science"),
            org("zarechny", "Сосновский сельский Дом культуры", "д. Сосновка, ул. Клубная, 2", "Сосновка",
                    "+7 (900) 220-22-05", Kind.CULTURE, "arts", "social"),
            org("zarechny", "МБОУ «Заречная СОШ № 1»", "с. Заречное, ул. Мира, 10", "Заречное", "+7 (900) 220-22-06",
                    Kind.SCHOOL, "science", "social", "technical", "tourism"),
            org("zarechny", "ИП Кравцова Е. А., студия танца «Грация»", "с. Луговое, ул. Новая, 4", "Луговое",
                    "+7 (900) 220-22-07", Kind.PRIVATE_ARTS, "arts"));

    private static final List<Template> TEMPLATES = List.of(
            t("technical", "Робототехника", "Собираем и программируем роботов на конструкторах LEGO и Arduino, участвуем в соревнованиях.", 7, 15),
            t("technical", "Лего-конструирование", "Конструирование моделей из деталей LEGO: механизмы, передачи, первые проекты.", 5, 9),
            t("technical", "Начальное техническое моделирование", "Модели машин, кораблей и самолётов из бумаги, картона и дерева; развиваем пространственное мышление.", 7, 11),
            t("technical", "Авиамоделирование", "Постройка летающих моделей самолётов и планеров, запуски на стадионе.", 10, 17),
            t("technical", "3D-моделирование и прототипирование", "Создаём трёхмерные модели и печатаем их на 3D-принтере.", 11, 17),
            t("technical", "Программирование на Python", "Основы программирования: переменные, циклы, игры и чат-боты на Python.", 11, 17),
            t("technical", "Программирование в Scratch", "Первые шаги в программировании: мультфильмы и игры в среде Scratch.", 7, 11),
            t("technical", "Радиоэлектроника", "Паяем простые схемы, изучаем устройство электронных приборов.", 11, 17),
            t("technical", "Беспилотные авиационные системы", "Устройство и пилотирование квадрокоптеров, аэросъёмка.", 12, 17),
            t("technical", "Юный инженер", "Инженерные задачи и проекты: от идеи до работающей модели.", 9, 14),
            t("science", "Юный эколог", "Изучаем природу родного края, проводим экологические акции и наблюдения.", 7, 12),
            t("science", "Занимательная химия", "Опыты и эксперименты в лаборатории: вещества, реакции, безопасность.", 10, 15),
            t("science", "Физика в экспериментах", "Законы физики на опытах своими руками.", 11, 16),
            t("science", "Астрономия для начинающих", "Звёздное небо, планеты и телескопы; наблюдения в обсерватории.", 9, 15),
            t("science", "Юный биолог", "Растения и животные под микроскопом, работа в живом уголке.", 8, 14),
            t("science", "Занимательная математика", "Логические задачи, головоломки и олимпиадная математика.", 7, 13),
            t("science", "Юные натуралисты", "Уход за растениями и животными, опытный участок, наблюдения в природе.", 6, 11),
            t("arts", "Хореографическая студия", "Классический, народный и современный танец; концерты и конкурсы.", 5, 17),
            t("arts", "Современный танец", "Хип-хоп, джаз-фанк и контемпорари: танцевальные постановки для детей и подростков.", 8, 17),
            t("arts", "Народный танец", "Русский народный танец, танцевальные традиции, выступления ансамбля.", 6, 15),
            t("arts", "Вокальная студия", "Постановка голоса, эстрадное пение, выступления на сцене.", 6, 17),
            t("arts", "Изостудия", "Рисунок, живопись и композиция: акварель, гуашь, пастель.", 5, 14),
            t("arts", "Театральная студия", "Актёрское мастерство, сценическая речь, спектакли для зрителей.", 7, 17),
            t("arts", "Гитара для начинающих", "Игра на шестиструнной гитаре: аккорды, бой, песни.", 10, 17),
            t("arts", "Декоративно-прикладное творчество", "Бисероплетение, вязание, работа с фетром и природными материалами.", 6, 14),
            t("arts", "Керамика и лепка", "Лепка из глины, роспись, обжиг изделий в муфельной печи.", 6, 15),
            t("sports", "Футбол", "Тренировки по футболу, участие в городских и областных турнирах.", 6, 17),
            t("sports", "Плавание", "Обучение плаванию и спортивное плавание в бассейне, сдача нормативов.", 6, 17),
            t("sports", "Волейбол", "Техника игры в волейбол, тренировки и соревнования.", 9, 17),
            t("sports", "Баскетбол", "Баскетбол для мальчиков и девочек: техника, тактика, турниры.", 8, 17),
            t("sports", "Дзюдо", "Борьба дзюдо: техника бросков, самостраховка, соревнования.", 6, 17),
            t("sports", "Самбо", "Самозащита без оружия: борьба самбо для детей.", 7, 17),
            t("sports", "Лыжные гонки", "Классический и коньковый ход, зимние соревнования.", 8, 17),
            t("sports", "Лёгкая атлетика", "Бег, прыжки и метания; подготовка к сдаче норм ГТО.", 7, 17),
            t("sports", "Шахматы", "Шахматная школа: дебюты, тактика, турниры с присвоением разрядов.", 5, 17),
            t("sports", "Художественная гимнастика", "Гибкость, координация и упражнения с предметами для девочек.", 5, 14),
            t("sports", "Общая физическая подготовка", "Подвижные игры, ОФП и укрепление здоровья.", 5, 10),
            t("tourism", "Юный турист", "Походы выходного дня, туристские навыки, ориентирование на местности.", 9, 17),
            t("tourism", "Спортивное ориентирование", "Ориентирование по карте и компасу, соревнования в лесу.", 8, 17),
            t("tourism", "Краеведение: родной край", "История и культура малой родины, экскурсии и исследовательские проекты.", 9, 16),
            t("tourism", "Школьный музей", "Работа с экспонатами, подготовка экскурсий, поисковая работа.", 10, 17),
            t("tourism", "Пешеходный туризм", "Многодневные походы, снаряжение, первая помощь в походе.", 11, 17),
            t("tourism", "Скалолазание", "Лазание на скалодроме, страховка и туристская техника.", 8, 17),
            t("social", "Школа вожатых", "Подготовка вожатых для летних лагерей: игры, работа с отрядом.", 14, 17),
            t("social", "Волонтёры добра", "Волонтёрские акции, помощь ветеранам и приютам для животных.", 12, 17),
            t("social", "Юнармия", "Военно-патриотическое воспитание, строевая подготовка, история Отечества.", 11, 17),
            t("social", "Медиастудия", "Школьная газета, видеоблог и журналистика: пишем, снимаем, монтируем.", 11, 17),
            t("social", "Подготовка к школе «Умка»", "Развитие речи, счёт и подготовка руки к письму для будущих первоклассников.", 5, 7),
            t("social", "Английский язык", "Разговорный английский язык в игре и проектах.", 7, 14),
            t("social", "Юные инспекторы движения", "Правила дорожного движения, агитбригада, конкурс «Безопасное колесо».", 9, 14),
            t("social", "Психология общения", "Тренинги общения, уверенности в себе и работы в команде.", 12, 17));

    private static final List<String> STUDIO = List.of("Капель", "Радуга", "Вдохновение", "Звёздочка", "Открытие",
            "Импульс", "Старт", "Гармония", "Жар-птица", "Парус", "Эврика", "Сфера", "Созвездие", "Улыбка");
    private static final List<String> LEVEL = List.of("", "", " (стартовый уровень)", " (базовый уровень)",
            " (углублённый уровень)", " для начинающих", "");
    private static final List<String> FIRST_F = List.of("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна",
            "Ирина", "Светлана", "Юлия", "Екатерина");
    private static final List<String> FIRST_M = List.of("Алексей", "Сергей", "Андрей", "Дмитрий", "Игорь",
            "Михаил", "Владимир", "Павел", "Николай", "Евгений");
    private static final List<String> PATRONYMIC = List.of("Александров", "Сергеев", "Иванов", "Петров",
            "Николаев", "Викторов", "Михайлов", "Владимиров");
    private static final List<String> LAST = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов",
            "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов");
    private static final List<String> DAYS = List.of("пн, ср", "вт, чт", "пн, ср, пт", "сб", "вт, пт", "ср, сб",
            "пн, чт", "вт, чт, сб");
    private static final List<String> TIMES = List.of("15:00–16:30", "16:00–17:30", "17:00–18:30", "14:30–15:15",
            "18:00–19:30", "10:00–11:30", "13:00–14:30");

    private CatalogGenerator() {
    }

    /** The bundled sample catalog, as it is stored in src/main/resources/catalog/sample-catalog.csv. */
    public static String sample() {
        return csv("", 10_001, SAMPLE_SIZE, SAMPLE_SEED);
    }

    /**
     * {@code count} programs with external ids {@code idPrefix + (firstId + i)}, over the configured
     * municipalities tsentr and zarechny, `;`-separated with the documented headers.
     */
    public static String csv(String idPrefix, int firstId, int count, long seed) {
        Random random = new Random(seed);
        StringWriter out = new StringWriter(count * 500);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setRecordSeparator("\n").get())) {
            printer.printRecord(HEADERS);
            for (int i = 0; i < count; i++) {
                printer.printRecord(row(idPrefix + (firstId + i), i, random));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(String id, int i, Random random) {
        String direction = List.of("technical", "science", "arts", "sports", "tourism", "social").get(i % 6);
        List<Org> orgs = ORGS.stream().filter(o -> o.directions.contains(direction))
                .filter(o -> o.municipality.equals(random.nextInt(10) < 6 ? "tsentr" : "zarechny")).toList();
        if (orgs.isEmpty()) {
            orgs = ORGS.stream().filter(o -> o.directions.contains(direction)).toList();
        }
        Org org = orgs.get(random.nextInt(orgs.size()));
        List<Template> templates = TEMPLATES.stream().filter(t -> t.direction.equals(direction)).toList();
        Template template = templates.get(random.nextInt(templates.size()));

        String title = template.title;
        if (title.endsWith("студия") || random.nextInt(4) == 0 && !title.contains("«")) {
            title += " «" + pick(STUDIO, random) + "»";
        }
        title += pick(LEVEL, random);

        int ageFrom = Math.max(5, template.minAge + random.nextInt(3) - 1);
        int ageTo = Math.min(18, template.maxAge + random.nextInt(3) - 1);
        if (ageTo - ageFrom < 2) {
            ageTo = Math.min(18, ageFrom + 2);
        }

        String cost = cost(org.kind, random);
        String price = switch (cost) {
            case "платно" -> String.valueOf(1500 + random.nextInt(46) * 100);
            case "по сертификату" -> String.valueOf(800 + random.nextInt(23) * 100);
            default -> "";
        };
        int roll = random.nextInt(20);
        String format = template.title.startsWith("Программирование") && roll < 6 ? "дистанционно"
                : roll < 2 ? "смешанно" : "очно";
        int total = 10 + random.nextInt(21);
        int free = random.nextInt(4) == 0 ? 0 : random.nextInt(total + 1);
        boolean female = random.nextInt(3) > 0;
        String teacher = pick(LAST, random) + (female ? "а " : " ") + pick(female ? FIRST_F : FIRST_M, random) + " "
                + pick(PATRONYMIC, random) + (female ? "на" : "ич");
        String schedule = pick(DAYS, random) + " " + pick(TIMES, random);
        String description = template.description + " Занятия проходят в " + org.name + " ("
                + org.address + ").";
        boolean ovz = random.nextInt(5) == 0;
        String directionTitle = switch (direction) {
            case "technical" -> "Техническая";
            case "science" -> "Естественнонаучная";
            case "arts" -> "Художественная";
            case "sports" -> "Физкультурно-спортивная";
            case "tourism" -> "Туристско-краеведческая";
            // Older exports still say «социально-педагогическая»: the sample keeps a few of each.
            default -> random.nextInt(4) == 0 ? "Социально-педагогическая" : "Социально-гуманитарная";
        };
        List<String> row = new ArrayList<>(HEADERS.size());
        row.add(id);
        row.add(title);
        row.add(description);
        row.add(org.name);
        row.add(org.address);
        row.add(org.district);
        row.add(org.phone);
        row.add(org.municipality);
        row.add(directionTitle);
        row.add(String.valueOf(ageFrom));
        row.add(String.valueOf(ageTo));
        row.add(format);
        row.add(cost);
        row.add(price);
        row.add(schedule);
        row.add(String.valueOf(total));
        row.add(String.valueOf(free));
        row.add(teacher);
        row.add(""); // empty: the import links to {navigator}/program/{ID} of the municipality's Navigator
        row.add(ovz ? "да" : "нет");
        return row;
    }

    private static String cost(Kind kind, Random random) {
        int roll = random.nextInt(10);
        return switch (kind) {
            case PRIVATE_TECH, PRIVATE_ARTS, SPORT_CLUB -> roll < 3 ? "по сертификату" : "платно";
            case DUSSH, SCHOOL, CULTURE -> roll < 8 ? "бесплатно" : roll < 9 ? "по сертификату" : "платно";
            default -> roll < 4 ? "бесплатно" : roll < 9 ? "по сертификату" : "платно";
        };
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static Org org(String municipality, String name, String address, String district, String phone,
                           Kind kind, String... directions) {
        return new Org(municipality, name, address, district, phone, kind, List.of(directions));
    }

    private static Template t(String direction, String title, String description, int minAge, int maxAge) {
        return new Template(direction, title, description, minAge, maxAge);
    }
}
