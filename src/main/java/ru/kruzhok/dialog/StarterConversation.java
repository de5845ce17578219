package ru.kruzhok.dialog;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.BotCommand;
import ru.kruzhok.channel.BotCommandMenu;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ConversationHandler;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

/**
 * The first conversation: greets, shows the main menu, and answers everything else kindly. It
 * proves the pipe end to end until the dialog engine (flows in dialogs/) takes over.
 */
@Component
class StarterConversation implements ConversationHandler, BotCommandMenu {

    static final String GREETING = "Здравствуйте! 👋 Я бот опорного центра дополнительного образования детей.\n\n"
            + "Помогу разобраться с **сертификатом** и **Навигатором**, найти кружок или секцию для ребёнка "
            + "и передам ваш вопрос специалисту. Выберите, что нужно:";
    static final String MENU = "Чем могу помочь? Выберите раздел:";
    static final String HELP = "Я понимаю текст и кнопки. Команды:\n/start — начать сначала\n/menu — главное меню\n"
            + "/help — эта подсказка\n/stop — отключить уведомления\n\nИли просто выберите раздел:";
    static final String NOT_UNDERSTOOD = "Пока я не понял вопрос 🙈 Скоро научусь отвечать на вопросы своими словами. "
            + "А пока выберите раздел в меню:";
    static final String TEXT_AND_BUTTONS = "Я понимаю только текст и кнопки 🙂 Напишите вопрос словами или выберите раздел:";
    static final String STALE_BUTTON = "Эта кнопка уже устарела. Вот актуальное меню:";
    static final String COMING_SOON = "Раздел «%s» скоро появится — мы над ним работаем 🛠 А пока можно выбрать другой раздел:";
    static final String STOPPED = "Хорошо, уведомления выключены. Вернуть их можно в «Настройках».";

    private static final Map<String, String> SECTIONS = Map.of(
            "m:cert", "Сертификат",
            "m:find", "Найти кружок",
            "m:poll", "Опросы",
            "m:ask", "Задать вопрос",
            "m:set", "Настройки");

    @Override
    public List<Reply> handle(Incoming in) {
        if (!in.isPrivate()) {
            return List.of();
        }
        return switch (in.type()) {
            case COMMAND -> command(in.command());
            case BUTTON -> button(in.payload());
            case TEXT -> List.of(menu(NOT_UNDERSTOOD));
            case ATTACHMENT, CONTACT -> List.of(menu(TEXT_AND_BUTTONS));
            case EMPTY -> List.of(menu(TEXT_AND_BUTTONS));
        };
    }

    private List<Reply> command(String command) {
        return switch (command) {
            case "start" -> List.of(menu(GREETING));
            case "menu" -> List.of(menu(MENU));
            case "help" -> List.of(menu(HELP));
            case "stop" -> List.of(menu(STOPPED));
            default -> List.of(menu("Такой команды я не знаю 🙂 " + MENU));
        };
    }

    private List<Reply> button(String payload) {
        String section = payload == null ? null : SECTIONS.get(payload);
        if (section == null) {
            return List.of(menu(STALE_BUTTON));
        }
        return List.of(menu(COMING_SOON.formatted(section)).editingLast());
    }

    static Reply menu(String text) {
        return Reply.text(text)
                .withButtonRow(Button.action("📄 Сертификат", "m:cert"), Button.action("🔎 Найти кружок", "m:find"))
                .withButtonRow(Button.action("📝 Опросы", "m:poll"), Button.action("💬 Задать вопрос", "m:ask"))
                .withButtonRow(Button.action("⚙️ Настройки", "m:set"));
    }

    @Override
    public List<BotCommand> parentCommands() {
        return List.of(new BotCommand("start", "Начать сначала"), new BotCommand("menu", "Главное меню"),
                new BotCommand("help", "Подсказка"), new BotCommand("stop", "Отключить уведомления"));
    }
}
