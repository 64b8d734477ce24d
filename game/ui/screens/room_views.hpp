// What the room sees the same way in the idées reçues room screen and in the workshop presenter.
#pragma once

#include "core/content/content.hpp"
#include "core/play/myth_run.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

// Digits typed by the facilitator append to `value` (capped at 9999); Backspace removes the last one.
// Returns true when the value changed.
bool typeCount(FrameInput& input, int& value);

// One horizontal bar split between "d'accord" and "pas d'accord", labelled with counts and shares.
void splitBar(Frame& frame, const char* label, const HandCount& count, float width);

// The arguments of a card, the first `shown` of them; once `answered`, all of them with the best marked
// and each one's feedback.
void drawRoomArguments(Frame& frame, const MythCard& card, int shown, bool answered);
// One of them: `best` marks the best argument, `answered` adds its feedback.
void drawRoomArgument(Frame& frame, const MythCard& card, int index, bool best, bool answered);

// The answer to an idée reçue in a green panel: the sentence, key points with figures, the source.
void drawRoomAnswer(Frame& frame, const Pack& pack, const MythCard& card);

// « La part de la salle d'accord avec l'idée reçue passe de 60 % à 25 %. » with the two bars.
void drawRoomShift(Frame& frame, const RoomCardResult& result);

// The two count fields of a show of hands; `focusedField` 0 is "d'accord", 1 "pas d'accord".
void drawHandEntry(Frame& frame, HandCount& entry, int& focusedField);

}  // namespace passerelles::ui
