#!/usr/bin/python3
"""The phone page in a real browser: three phones (Debian's chromium, headless) join a room, vote, one reloads,
one loses its network and comes back, the trainer reveals; the page's state is asserted at each step.

Usage: phone_room.py SERVER_BINARY SCREENSHOT_DIR
SERVER_BINARY is room_script_server (the trainer's side, driven on its standard input).
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PHONE_SIZE = (360, 740)
WAIT_SECONDS = 20  # generous: a loaded CI machine; a passing run waits far less


class Trainer:
    """The room server's trainer side, over the script server's standard input and output."""

    def __init__(self, binary):
        self.process = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        port, code = self.process.stdout.readline().split()
        self.port = int(port)
        self.code = code

    def command(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def publish(self, **step):
        assert self.command("publish " + json.dumps(step)) == "ok"

    def tally(self):
        return json.loads(self.command("tally"))

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.write("stop\n")
            self.process.stdin.flush()
            self.process.wait(timeout=10)


class CuttableLink:
    """A TCP relay between one phone and the server: cut() drops every connection and refuses new ones, as a
    phone whose Wi-Fi goes; restore() lets it reach the server again, on the same address."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.sockets = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            server = socket.create_connection(("127.0.0.1", self.target_port))
            with self.lock:
                self.sockets += [client, server]
            threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        self.up = False
        with self.lock:
            for end in self.sockets:
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                end.close()
            self.sockets = []

    def restore(self):
        self.up = True


def phone(profile_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    # A phone's viewport and touch events, not a desktop window cut down to its width.
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": PHONE_SIZE[0], "height": PHONE_SIZE[1], "pixelRatio": 1, "touch": True},
    })
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def state(driver):
    return driver.execute_script("return document.body.dataset.state || ''")


def wait_state(driver, wanted, what):
    try:
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: state(d) == wanted)
    except Exception:
        raise AssertionError(f"{what}: the page stayed in state '{state(driver)}', expected '{wanted}'; "
                             f"status: {driver.find_element(By.ID, 'status').text!r}")


def wait_for(condition, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(what)


def vote(driver, index):
    driver.find_element(By.CSS_SELECTOR, f'#options button[data-index="{index}"]').click()
    driver.find_element(By.ID, "submit").click()
    wait_state(driver, "voted", f"vote for option {index}")


def pressed(driver):
    return [int(b.get_attribute("data-index"))
            for b in driver.find_elements(By.CSS_SELECTOR, "#options button")
            if b.get_attribute("aria-pressed") == "true"]


QUESTION = dict(kind="question", key="1", title="Étape 1 sur 12",
                prompt="Quelle loi encadre l’action extérieure des collectivités territoriales ?",
                options=["La loi du 6 février 1992 (ATR)", "La loi NOTRe de 2015", "La loi de 1901",
                         "Aucune loi : c’est une simple tolérance"],
                multiple=False)


def main():
    binary, screenshots = sys.argv[1], pathlib.Path(sys.argv[2])
    screenshots.mkdir(parents=True, exist_ok=True)
    trainer = Trainer(binary)
    link = CuttableLink(trainer.port)
    profiles = [tempfile.mkdtemp(prefix="passerelles-phone-") for _ in range(3)]
    phones = []
    try:
        phones = [phone(p) for p in profiles]
        trainer.publish(kind="waiting", key="accueil", title="Atelier à Bourges")
        # Upper-case address, as the QR code and the projector give it; phone 3 goes through the cuttable link.
        ports = [trainer.port, trainer.port, link.port]
        for driver, port in zip(phones, ports):
            driver.get(f"HTTP://127.0.0.1:{port}/J/{trainer.code}")
        for driver in phones:
            wait_state(driver, "waiting", "join")
        wait_for(lambda: trainer.tally()["connected"] == 3, "three phones connected")

        trainer.publish(**QUESTION, open=True)
        for driver in phones:
            wait_state(driver, "question-open", "question opened")
        assert "Quelle loi" in phones[0].find_element(By.ID, "prompt").text
        viewport = phones[0].execute_script("return [window.innerWidth, window.innerHeight]")
        assert viewport == list(PHONE_SIZE), viewport
        phones[0].save_screenshot(str(screenshots / "phone-question-open.png"))
        vote(phones[0], 0)
        vote(phones[1], 1)
        vote(phones[2], 0)
        wait_for(lambda: trainer.tally()["answered"] == 3, "three answers counted")
        assert trainer.tally()["counts"] == [2, 1, 0, 0], trainer.tally()
        phones[0].save_screenshot(str(screenshots / "phone-voted.png"))

        # Phone 2 changes its mind: still one answer each.
        phones[1].find_element(By.CSS_SELECTOR, '#options button[data-index="0"]').click()
        phones[1].find_element(By.ID, "submit").click()
        wait_for(lambda: trainer.tally()["counts"] == [3, 0, 0, 0], "a changed answer replaces the first")
        assert trainer.tally()["answered"] == 3

        # Phone 1 reloads: same token, back on the question with its answer.
        phones[0].refresh()
        wait_state(phones[0], "voted", "reload keeps the vote")
        assert pressed(phones[0]) == [0], pressed(phones[0])
        assert trainer.tally()["answered"] == 3

        # Phone 3 loses its network while the trainer closes the vote and reveals; it comes back by itself.
        link.cut()
        wait_state(phones[2], "disconnected", "cut off")
        wait_for(lambda: trainer.tally()["connected"] == 2, "the cut phone is no longer counted as connected")
        trainer.publish(**QUESTION, open=False, revealed=True, correct=[0], counts=[3, 0, 0, 0],
                        explanation="La loi du 6 février 1992 a ouvert la coopération décentralisée.")
        for driver in phones[:2]:
            wait_state(driver, "revealed", "reveal")
        link.restore()
        wait_state(phones[2], "revealed", "a phone back on the network sees the reveal")
        wait_for(lambda: trainer.tally()["connected"] == 3, "the phone is connected again")
        for driver in phones:
            correct = driver.find_elements(By.CSS_SELECTOR, "#options button.correct")
            assert [b.get_attribute("data-index") for b in correct] == ["0"]
            assert "1992" in driver.find_element(By.ID, "explanation").text
        assert trainer.tally()["answered"] == 3  # nothing counted twice after the reconnection
        phones[2].save_screenshot(str(screenshots / "phone-revealed.png"))

        # The trainer ends the session: every phone says so.
        trainer.stop()
        for driver in phones:
            wait_state(driver, "over", "session over")
        phones[0].save_screenshot(str(screenshots / "phone-over.png"))
        print("phone page: 3 phones joined, voted, changed, reloaded, reconnected, saw the reveal and the end")
    finally:
        for driver in phones:
            driver.quit()
        trainer.stop()
        for p in profiles:
            shutil.rmtree(p, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
