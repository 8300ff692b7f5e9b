// The header's unread count, kept current while the page is open. A file, because the Content-Security-Policy forbids
// inline scripts. It speaks SignalR's JSON protocol over a plain WebSocket to /hubs/notifications (signed in by the
// page's cookie), which is all it needs to hear one event, UnreadChanged(count); without script, or when the
// connection fails, the badge keeps the count of the page load.
(function () {
  var badge = document.querySelector("[data-notification-badge]");
  if (!badge || !window.WebSocket || !window.JSON) {
    return;
  }

  var count = badge.querySelector("[data-notification-count]");
  var number = badge.querySelector("[data-notification-number]");
  var separator = "\u001e";
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/hubs/notifications";
  var wait = 2000;

  function show(unread) {
    if (typeof unread !== "number" || unread < 0) {
      return;
    }

    number.textContent = String(unread);
    count.hidden = unread === 0;
  }

  function send(socket, message) {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message) + separator);
    }
  }

  function connect() {
    var socket = new WebSocket(url);
    var ping = null;
    var again = true;
    socket.onopen = function () {
      send(socket, { protocol: "json", version: 1 });
      // The server closes a connection it has not heard from in 30 seconds.
      ping = setInterval(function () { send(socket, { type: 6 }); }, 15000);
    };
    socket.onmessage = function (event) {
      String(event.data).split(separator).forEach(function (frame) {
        if (!frame) {
          return;
        }

        var message;
        try {
          message = JSON.parse(frame);
        } catch (error) {
          return;
        }

        if (message.type === 1 && message.target === "UnreadChanged" && message.arguments) {
          wait = 2000;
          show(message.arguments[0]);
        } else if (message.type === 7) {
          again = message.allowReconnect !== false;
        }
      });
    };
    socket.onclose = function () {
      clearInterval(ping);
      if (again) {
        // Backing off, so a host that is down or a session that ended is not asked again and again.
        setTimeout(connect, wait);
        wait = Math.min(wait * 2, 300000);
      }
    };
  }

  connect();
})();
