// Parsing of the command line of passerelles.
#include "app/command_line.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace passerelles::app {

const char* usageText() {
    return "Passerelles : se former à l'action extérieure des collectivités territoriales.\n"
           "\n"
           "Utilisation : passerelles [OPTIONS]\n"
           "  --content DOSSIER   packs de contenu à charger (par défaut : ceux fournis avec le programme)\n"
           "  --data-dir DOSSIER  dossier des données (progression, packs personnels) ; par défaut\n"
           "                      $XDG_DATA_HOME/passerelles, soit ~/.local/share/passerelles\n"
           "  --open CIBLE        écran de départ : home, quiz:PACK, myths:PACK (seul),\n"
           "                      myths-room:PACK (en salle), scenario:PACK/ID, diagnostic:PACK,\n"
           "                      atelier (préparer un atelier), atelier:PLAN.json\n"
           "  --atelier [PLAN]    prépare un atelier, à partir d'un plan enregistré s'il est donné ;\n"
           "                      avec deux écrans, la vue de la salle s'ouvre sur le second\n"
           "  --audience-display N  écran (0, 1…) de la vue de la salle pendant l'atelier ; par défaut le\n"
           "                      second quand il y en a deux\n"
           "  --audience-size LxH  la vue de la salle dans une fenêtre de cette taille (pour la vérifier)\n"
           "  --audience-screenshot F.png  enregistre la dernière image de la vue de la salle\n"
           "  --borne             borne de forum en plein écran (sortie : Ctrl+Maj+B et le code)\n"
           "  --borne --set-pin   lit le code de la borne (4 à 8 chiffres) sur l'entrée standard,\n"
           "                      l'enregistre dans le dossier des données et quitte\n"
           "  --profile NOM       joue sous ce profil (créé s'il n'existe pas) ; sans cette option, "
           "l'accueil\n"
           "                      demande qui joue\n"
           "  --guest             joue en invité : rien n'est enregistré\n"
           "  --keys \"B,Enter\"    touches rejouées après la première image, une par image\n"
           "  --frames N          affiche N images puis quitte (code 0)\n"
           "  --screenshot F.png  enregistre la dernière image en PNG\n"
           "  --size LxH          taille de la fenêtre (1280x720 par défaut)\n"
           "  --text-scale F      taille du texte, de 0.8 à 1.6 (1 par défaut)\n"
           "  --fullscreen        plein écran (F11 bascule)\n"
           "  --room-port N       port de la salle connectée (téléphones), 8080 par défaut\n"
           "  --help              cette aide\n"
           "\n"
           "Sans écran : SDL_VIDEODRIVER=dummy passerelles --frames 10 --screenshot capture.png\n"
           "         ou : xvfb-run passerelles\n";
}

namespace {

bool parseInt(const std::string& text, int& out) {
    const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
    return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// "1920x1080" within [minimum, 16384] on each side.
bool parseSize(const std::string& text, int& width, int& height, int minimumWidth, int minimumHeight) {
    const auto x = text.find('x');
    return x != std::string::npos && parseInt(text.substr(0, x), width) &&
           parseInt(text.substr(x + 1), height) && width >= minimumWidth && height >= minimumHeight &&
           width <= 16384 && height <= 16384;
}

}  // namespace

std::optional<Options> parseCommandLine(const std::vector<std::string>& arguments, std::string& error) {
    Options options;
    bool borne = false;
    bool sizeGiven = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= arguments.size()) {
                error = "l'option " + argument + " attend une valeur";
                return std::nullopt;
            }
            return arguments[++i];
        };
        if (argument == "--help" || argument == "-h") {
            options.help = true;
        } else if (argument == "--fullscreen") {
            options.fullscreen = true;
        } else if (argument == "--guest") {
            options.profile = "guest";
        } else if (argument == "--set-pin") {
            options.setPin = true;
        } else if (argument == "--borne") {
            options.open = "borne";
            borne = true;
        } else if (argument == "--atelier") {
            // The plan file is optional: the next argument is one unless it is another option.
            options.open = "atelier";
            if (i + 1 < arguments.size() && arguments[i + 1].rfind("--", 0) != 0) {
                options.open += ":" + arguments[++i];
            }
        } else if (argument == "--content" || argument == "--data-dir" || argument == "--open" ||
                   argument == "--profile" || argument == "--keys" || argument == "--frames" ||
                   argument == "--screenshot" || argument == "--size" || argument == "--text-scale" ||
                   argument == "--room-port" || argument == "--audience-display" ||
                   argument == "--audience-size" || argument == "--audience-screenshot") {
            const auto given = value();
            if (!given) {
                return std::nullopt;
            }
            if (argument == "--content") {
                options.contentDirectory = *given;
            } else if (argument == "--data-dir") {
                options.dataDirectory = *given;
            } else if (argument == "--open") {
                options.open = *given;
            } else if (argument == "--profile") {
                options.profile = *given;
            } else if (argument == "--screenshot") {
                options.screenshot = *given;
            } else if (argument == "--audience-screenshot") {
                options.audienceScreenshot = *given;
            } else if (argument == "--audience-display") {
                if (!parseInt(*given, options.audienceDisplay) || options.audienceDisplay < 0 ||
                    options.audienceDisplay > 15) {
                    error = "--audience-display attend le numéro d'un écran : 0, 1, 2…";
                    return std::nullopt;
                }
            } else if (argument == "--audience-size") {
                if (!parseSize(*given, options.audienceWidth, options.audienceHeight, 320, 240)) {
                    error = "--audience-size attend LARGEURxHAUTEUR, par exemple 1920x1080";
                    return std::nullopt;
                }
            } else if (argument == "--keys") {
                std::string keyError;
                const auto keys = ui::parseKeySequence(*given, keyError);
                if (!keys) {
                    error = "--keys : " + keyError;
                    return std::nullopt;
                }
                options.keys = *keys;
            } else if (argument == "--frames") {
                if (!parseInt(*given, options.frames) || options.frames < 1) {
                    error = "--frames attend un nombre entier positif";
                    return std::nullopt;
                }
            } else if (argument == "--size") {
                if (!parseSize(*given, options.width, options.height, 160, 120)) {
                    error = "--size attend LARGEURxHAUTEUR, par exemple 1920x1080";
                    return std::nullopt;
                }
                sizeGiven = true;
            } else if (argument == "--text-scale") {
                // strtof with its end checked: no trailing text; the range test is written so that NaN
                // (which compares false with everything) fails it too.
                char* end = nullptr;
                const float scale = std::strtof(given->c_str(), &end);
                const bool whole = !given->empty() && end == given->c_str() + given->size();
                if (!whole || !std::isfinite(scale) || !(scale >= 0.8f && scale <= 1.6f)) {
                    error = "--text-scale attend un nombre entre 0.8 et 1.6";
                    return std::nullopt;
                }
                options.textScale = scale;
            } else if (argument == "--room-port") {
                // 0 lets the system choose a free port (the address on screen then shows the one it chose).
                if (!parseInt(*given, options.roomPort) || options.roomPort < 0 || options.roomPort > 65535) {
                    error =
                        "--room-port attend un numéro de port entre 1 et 65535 (0 : un port libre au hasard)";
                    return std::nullopt;
                }
            }
        } else {
            error = "option inconnue « " + argument + " »";
            return std::nullopt;
        }
    }
    // A booth is full screen; with --size it stays a window of that size (to check it on a laptop).
    if (borne && !sizeGiven) {
        options.fullscreen = true;
    }
    return options;
}

}  // namespace passerelles::app
